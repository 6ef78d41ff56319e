using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Notifications;

/// <summary>The page context with the inbox notifier started, as the host starts it, on the in-process inbox events.</summary>
public abstract class InboxPageTest : CorePageTest
{
    protected InboxNotifier Notifier => Services.GetRequiredService<InboxNotifier>();

    protected Task StartNotifierAsync() => Notifier.StartAsync(Xunit.TestContext.Current.CancellationToken);

    protected Task RecordAsync(params NotificationDraft[] drafts) => Services.RecordAsync(drafts);

    /// <summary>Dates the user's notifications <paramref name="ago"/> (saving stamps now).</summary>
    protected Task BackDateAsync(Guid userId, TimeSpan ago)
    {
        var at = DateTimeOffset.UtcNow - ago;
        return ChangeDatabaseAsync(db => db.Notifications.Where(n => n.RecipientId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.CreatedAt, at)));
    }
}
