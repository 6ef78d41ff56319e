using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Woohakdong.Core;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Components.Pages.Accounts;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Accounts;

/// <summary>The profile page with the real <see cref="ProfileService"/> on a fresh SQLite database.</summary>
public sealed class ProfilePageTests : IAsyncLifetime
{
    private readonly PatientBunitContext bunit = new();
    private readonly TestDatabase database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private readonly CurrentUser currentUser = new();
    private readonly Guid userId = Guid.NewGuid();

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Email:LinkBaseUrl"] = "http://localhost/",
        };
        bunit.Services.AddWoohakdongCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        bunit.Services.AddSingleton<ICurrentUser>(currentUser);
        // The e-mail change form asks Identity for its token.
        bunit.Services.AddDataProtection();
        bunit.Services.AddIdentityCore<AppUser>().AddEntityFrameworkStores<AppDbContext>().AddDefaultTokenProviders();
        bunit.Services.AddAccountFlows();
        bunit.Services.AddLocalization();
        bunit.Services.AddMudServices();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;

        await bunit.Services.MigrateDatabaseAsync(Cancel);
        await using var db = await CreateDbAsync();
        db.Users.Add(new AppUser { Id = userId, UserName = "new@woohakdong.kr", Email = "new@woohakdong.kr", DisplayName = "김신입", SecurityStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(Cancel);
        currentUser.Set(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "Test")));
    }

    [Fact]
    public async Task Invalid_phone_shows_the_korean_phone_error_and_saves_nothing()
    {
        var page = RenderProfile();

        page.Find("#school").Change("우학대학교");
        page.Find("#phone").Change("010-12");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "휴대폰 번호 형식이 올바르지 않습니다.", page.Find(".mud-input-control:has(#phone) .mud-input-helper-text").TextContent));
        var saved = await LoadUserAsync();
        Assert.Equal(("", ""), (saved.School, saved.Phone));
    }

    [Fact]
    public async Task A_control_character_in_the_school_shows_the_text_error_beside_it_and_saves_nothing()
    {
        var page = RenderProfile();

        page.Find("#school").Change("우학\u001B[2J대학교");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "쓸 수 없는 문자", page.Find(".mud-input-control:has(#school) .mud-input-helper-text").TextContent));
        Assert.Equal("", (await LoadUserAsync()).School);
    }

    [Fact]
    public async Task An_exchange_students_international_number_is_saved_and_shown_in_e164()
    {
        var page = RenderProfile();

        page.Find("#phone").Change("+1 415 555 2671");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("+14155552671", page.Find("#phone").GetAttribute("value")));
        Assert.Empty(page.FindAll(".mud-input-error"));
        Assert.Equal("+14155552671", (await LoadUserAsync()).Phone);
    }

    [Fact]
    public async Task Complete_valid_profile_is_saved_and_the_incomplete_notice_goes_away()
    {
        var page = RenderProfile();
        Assert.NotEmpty(page.FindAll("[data-testid=profile-incomplete]"));

        page.Find("#school").Change("우학대학교");
        page.Find("#major").Change("컴퓨터공학과");
        page.Find("#student-number").Change("20251234");
        page.Find("#phone").Change("010 1234 5678");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=profile-incomplete]")));
        var saved = await LoadUserAsync();
        Assert.Equal(("김신입", "우학대학교", "컴퓨터공학과", "20251234", "010-1234-5678"),
            (saved.DisplayName, saved.School, saved.Major, saved.StudentNumber, saved.Phone));
        Assert.Empty(page.FindAll(".mud-input-error"));
    }

    [Fact]
    public async Task Fixing_a_rejected_phone_clears_its_error_and_saves()
    {
        var page = RenderProfile();
        page.Find("#phone").Change("010-12");
        page.Find("[data-testid=profile-save]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-input-error")));

        page.Find("#phone").Change("01098765432");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Equal("010-9876-5432", page.Find("#phone").GetAttribute("value")));
        Assert.Empty(page.FindAll(".mud-input-error"));
        Assert.Equal("010-9876-5432", (await LoadUserAsync()).Phone);
    }

    [Fact]
    public void Every_rejected_field_shows_its_error_at_once()
    {
        var page = RenderProfile();

        page.Find("#student-number").Change("학번!");
        page.Find("#phone").Change("010-12");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(
            "휴대폰 번호 형식이 올바르지 않습니다.", page.Find(".mud-input-control:has(#phone) .mud-input-helper-text").TextContent));
        Assert.Contains("학번은 영문, 숫자, 하이픈으로", page.Find(".mud-input-control:has(#student-number) .mud-input-helper-text").TextContent);
    }

    [Fact]
    public void The_saved_toast_goes_away_when_the_next_save_is_refused()
    {
        var page = RenderProfile();
        var snackbar = bunit.Services.GetRequiredService<ISnackbar>();
        page.Find("#school").Change("우학대학교");
        page.Find("[data-testid=profile-save]").Click();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, toast => toast.Message == "저장했습니다."));

        page.Find("#phone").Change("010-12");
        page.Find("[data-testid=profile-save]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-input-error")));
        Assert.DoesNotContain(snackbar.ShownSnackbars, toast => toast.Message == "저장했습니다.");
    }

    [Fact]
    public async Task Asking_for_a_new_email_mails_a_link_to_it_and_keeps_the_address_until_followed()
    {
        var page = RenderProfile();

        page.Find("#new-email").Change("moved@woohakdong.kr");
        page.Find("[data-testid=email-change-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("moved@woohakdong.kr(으)로 인증 메일을 보냈습니다.", page.Find("[data-testid=email-change-sent]").TextContent));
        await using var db = await CreateDbAsync();
        var mail = await db.Notifications.SingleAsync(n => n.RecipientId == userId, Cancel);
        Assert.Equal((NotificationKind.EmailChange, "moved@woohakdong.kr"), (mail.Kind, mail.EmailTo));
        Assert.StartsWith("http://localhost/account/confirm-email-change?userId=", mail.Link);
        Assert.Equal("new@woohakdong.kr", (await LoadUserAsync()).Email);
    }

    [Theory]
    [InlineData("not-an-email", "이메일 형식이 올바르지 않습니다.")]
    [InlineData(" NEW@woohakdong.kr ", "지금 쓰고 있는 이메일과 같습니다.")]
    public async Task A_bad_new_email_is_refused_beside_the_field_and_nothing_is_mailed(string address, string error)
    {
        var page = RenderProfile();

        page.Find("#new-email").Change(address);
        page.Find("[data-testid=email-change-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains(error, page.Find(".mud-input-control:has(#new-email) .mud-input-helper-text").TextContent));
        await using var db = await CreateDbAsync();
        Assert.False(await db.Notifications.AnyAsync(Cancel));
    }

    /// <summary>Korean is the neutral culture of the resources; pin it so the run machine's language does not matter.</summary>
    private IRenderedComponent<Profile> RenderProfile()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ko-KR");
        var page = bunit.Render<Profile>();
        page.WaitForElement("#phone");
        return page;
    }

    private async Task<AppDbContext> CreateDbAsync() =>
        await bunit.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Cancel);

    private async Task<AppUser> LoadUserAsync()
    {
        await using var db = await CreateDbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await bunit.DisposeAsync();
        await database.DisposeAsync();
    }
}
