using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Notifications;
using Woohakdong.Web.Components.Pages.Notifications;

namespace Woohakdong.Tests.Notifications;

/// <summary>The app bar's bell: the unread count, capped, hidden at zero, following the inbox live.</summary>
public sealed class NotificationBellTests : InboxPageTest
{
    private static string? Badge(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll("[data-testid=notification-bell] .mud-badge").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task The_count_appears_when_a_notification_is_recorded_and_falls_when_one_is_read()
    {
        var student = await AddUserAsync("박학생");
        var other = await AddUserAsync("최학생");
        SignIn(student);
        await StartNotifierAsync();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("알림", bell.Find("[data-testid=notification-bell-link]").GetAttribute("aria-label")));
        Assert.Null(Badge(bell));

        await RecordAsync(Inboxes.RoleChanged(student), Inboxes.RoleChanged(student), Inboxes.RoleChanged(other));

        bell.WaitForAssertion(() => Assert.Equal("2", Badge(bell)));
        Assert.Equal("알림, 읽지 않은 알림 2개", bell.Find("[data-testid=notification-bell-link]").GetAttribute("aria-label"));
        Assert.EndsWith("/me/notifications", bell.Find("[data-testid=notification-bell-link]").GetAttribute("href"));

        var first = (await QueryAsync(db => Task.FromResult(db.Notifications.First(n => n.RecipientId == student)))).Id;
        await using (var scope = Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationInbox>().MarkReadAsync(first, Xunit.TestContext.Current.CancellationToken);

        bell.WaitForAssertion(() => Assert.Equal("1", Badge(bell)));
    }

    [Fact]
    public async Task More_than_99_unread_reads_99_plus()
    {
        var student = await AddUserAsync("박학생");
        await RecordAsync([.. Enumerable.Range(0, 100).Select(_ => Inboxes.RoleChanged(student))]);
        SignIn(student);

        var bell = Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("99+", Badge(bell)));
    }

    [Fact]
    public async Task A_closed_bell_stops_watching_its_user()
    {
        var student = await AddUserAsync("박학생");
        SignIn(student);
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal(1, Notifier.WatcherCount(student)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Notifier.WatcherCount(student));
    }
}
