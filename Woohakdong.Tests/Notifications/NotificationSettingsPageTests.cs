using Bunit;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Notifications;
using Woohakdong.Web.Components.Pages.Notifications;

namespace Woohakdong.Tests.Notifications;

/// <summary>/me/notification-settings: the e-mail language and a switch per optional kind, each saved at once.</summary>
public sealed class NotificationSettingsPageTests : InboxPageTest
{
    [Fact]
    public async Task Every_optional_kind_has_a_labelled_switch_and_the_page_says_in_app_notifications_always_arrive()
    {
        SignIn(await AddUserAsync("박학생"));

        var page = Render<NotificationSettingsPage>();

        page.WaitForElement("[data-testid=email-ItemOverdue]");
        Assert.Contains("언제나 받습니다", page.Find("[data-testid=in-app-always]").TextContent);
        foreach (var kind in NotificationKinds.Optional) Assert.True(page.Find($"[data-testid=email-{kind}]").HasAttribute("checked"));
        Assert.Empty(page.FindAll("[data-testid=email-PasswordReset]"));
        Assert.Contains("물품 반납 기한 초과", page.Find("label:has([data-testid=email-ItemOverdue])").TextContent);
        Assert.Contains("결제 완료 영수증", page.Find("label:has([data-testid=email-PaymentCompleted])").TextContent);
    }

    [Fact]
    public async Task Turning_a_kind_off_and_choosing_english_are_saved_at_once()
    {
        var student = await AddUserAsync("박학생");
        SignIn(student);
        var page = Render<NotificationSettingsPage>();
        page.WaitForElement("[data-testid=email-ItemOverdue]");

        page.Find("[data-testid=email-ItemOverdue]").Change(false);
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=email-ItemOverdue]").HasAttribute("checked")));
        page.Find("[data-testid=email-language-en]").Click();

        await Woohakdong.Tests.Infrastructure.Eventually.TrueAsync(async () =>
            await QueryAsync(db => db.Users.Where(u => u.Id == student).Select(u => u.Language).SingleAsync()) == "en",
            "the language saved", Xunit.TestContext.Current.CancellationToken);
        var optedOut = await QueryAsync(db => db.EmailOptOuts.Where(o => o.UserId == student).Select(o => o.Kind).ToListAsync());
        Assert.Equal([NotificationKind.ItemOverdue], optedOut);
    }
}
