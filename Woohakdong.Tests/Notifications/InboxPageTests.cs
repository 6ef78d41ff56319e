using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Web.Components.Pages.Notifications;

namespace Woohakdong.Tests.Notifications;

/// <summary>/me/notifications: newest first, unread standing out, read one or all, filtered, and live.</summary>
public sealed class InboxPageTests : InboxPageTest
{
    private static IReadOnlyList<string> Titles(IRenderedComponent<InboxPage> page) =>
        [.. page.FindAll("[data-testid=notification-title]").Select(title => title.TextContent.Trim())];

    private static IReadOnlyList<string?> ReadStates(IRenderedComponent<InboxPage> page) =>
        [.. page.FindAll("[data-testid=notification]").Select(entry => entry.GetAttribute("data-read"))];

    private Task<int> UnreadAsync(Guid userId) => QueryAsync(db => db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null));

    private void ShowAll(IRenderedComponent<InboxPage> page) =>
        page.FindAll("[data-testid=notification-filter] .mud-toggle-item").Single(item => item.TextContent.Contains("전체")).Click();

    [Fact]
    public async Task An_empty_inbox_says_so()
    {
        SignIn(await AddUserAsync("박학생"));

        var page = Render<InboxPage>();

        page.WaitForAssertion(() => Assert.Equal("아직 받은 알림이 없습니다.", page.Find("[data-testid=notifications-empty]").TextContent.Trim()));
        Assert.True(page.Find("[data-testid=notification-read-all]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Entries_are_newest_first_with_title_body_and_how_long_ago_and_only_the_users_own()
    {
        var student = await AddUserAsync("박학생");
        await RecordAsync(Inboxes.RoleChanged(student, "사진 동아리", ClubRole.Officer));
        await RecordAsync(NotificationDraft.PaymentCompleted(student, "산악회", 15_000, DateTimeOffset.UtcNow, "WHD-1"));
        await RecordAsync(Inboxes.RoleChanged(await AddUserAsync("최학생"), "남의 동아리"));
        await BackDateAsync(student, TimeSpan.FromMinutes(3));
        SignIn(student);

        var page = Render<InboxPage>();

        page.WaitForAssertion(() => Assert.Equal(["산악회 회비 결제 완료", "사진 동아리 역할 변경"], Titles(page)));
        Assert.Equal("사진 동아리에서 회원님의 새 역할은 임원입니다.", page.FindAll("[data-testid=notification-body]")[1].TextContent.Trim());
        var time = page.FindAll("[data-testid=notification-time]")[0];
        Assert.Equal("3분 전", time.TextContent.Trim());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", time.GetAttribute("title"));
        Assert.Equal(["false", "false"], ReadStates(page));
        Assert.Equal(2, page.FindAll(".notification-unread").Count);
    }

    [Fact]
    public async Task Clicking_an_entry_marks_it_read_and_follows_its_link()
    {
        var student = await AddUserAsync("박학생");
        await RecordAsync(NotificationDraft.PaymentCompleted(student, "산악회", 15_000, DateTimeOffset.UtcNow, "WHD-1"));
        SignIn(student);
        var page = Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Single(Titles(page)));

        await page.Find("[data-testid=notification-open]").ClickAsync(new());

        Assert.EndsWith("/me/payments", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal(0, await UnreadAsync(student));
    }

    [Fact]
    public async Task Mark_all_read_reads_every_entry_and_the_unread_filter_then_shows_none()
    {
        var student = await AddUserAsync("박학생");
        await RecordAsync(Inboxes.RoleChanged(student), Inboxes.RoleChanged(student), Inboxes.RoleChanged(student));
        SignIn(student);
        var page = Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Titles(page).Count));

        page.Find("[data-testid=notification-read-all]").Click();

        page.WaitForAssertion(() => Assert.Equal(["true", "true", "true"], ReadStates(page)));
        Assert.Empty(page.FindAll(".notification-unread"));
        Assert.Equal(0, await UnreadAsync(student));
        page.FindAll("[data-testid=notification-filter] .mud-toggle-item").Single(item => item.TextContent.Contains("읽지 않음")).Click();
        page.WaitForAssertion(() => Assert.Equal("읽지 않은 알림이 없습니다.", page.Find("[data-testid=notifications-empty]").TextContent.Trim()));
        ShowAll(page);
        page.WaitForAssertion(() => Assert.Equal(3, Titles(page).Count));
    }

    [Fact]
    public async Task The_unread_filter_shows_only_unread_entries()
    {
        var student = await AddUserAsync("박학생");
        await RecordAsync(Inboxes.RoleChanged(student, "첫째 동아리"));
        await RecordAsync(Inboxes.RoleChanged(student, "둘째 동아리"));
        var older = await QueryAsync(db => db.Notifications.Where(n => n.RecipientId == student).MinAsync(n => n.Id));
        await ChangeDatabaseAsync(db => db.Notifications.Where(n => n.Id == older)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow)));
        SignIn(student);
        var page = Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal(["false", "true"], ReadStates(page)));

        page.FindAll("[data-testid=notification-filter] .mud-toggle-item").Single(item => item.TextContent.Contains("읽지 않음")).Click();

        page.WaitForAssertion(() => Assert.Equal(["둘째 동아리 역할 변경"], Titles(page)));
    }

    [Fact]
    public async Task A_new_notification_appears_without_a_reload_and_the_closed_page_stops_watching()
    {
        var student = await AddUserAsync("박학생");
        SignIn(student);
        await StartNotifierAsync();
        var page = Render<InboxPage>();
        page.WaitForElement("[data-testid=notifications-empty]");

        await RecordAsync(Inboxes.RoleChanged(student, "새 동아리"));

        page.WaitForAssertion(() => Assert.Equal(["새 동아리 역할 변경"], Titles(page)));
        Assert.Equal(1, Notifier.WatcherCount(student));
        await DisposeComponentsAsync();
        Assert.Equal(0, Notifier.WatcherCount(student));
    }

    [Fact]
    public async Task A_live_entry_is_shown_in_the_pages_language_not_in_the_language_of_whoever_caused_it()
    {
        var student = await AddUserAsync("Park");
        SignIn(student);
        await StartNotifierAsync();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var page = Render<InboxPage>();
        page.WaitForElement("[data-testid=notifications-empty]");

        // An officer browsing in Korean changes the role: the announcement runs in their request's culture.
        await Task.Run(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");
            await RecordAsync(Inboxes.RoleChanged(student, "Photo Club", ClubRole.Officer));
        }, Xunit.TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => Assert.Equal(["Photo Club: your role changed"], Titles(page)));
        Assert.Equal("Mark all read", page.Find("[data-testid=notification-read-all]").TextContent.Trim());
    }
}
