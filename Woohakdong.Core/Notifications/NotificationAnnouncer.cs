using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notifications;

/// <summary>
/// Announces the recipients <see cref="NotificationOutbox"/> noted on a context once their notifications are durable
/// (no scan of the change tracker on every save): after the save when no transaction is open, after the commit
/// when one is. A rolled-back or failed change announces nothing. Announcing tells every instance's open pages
/// (<see cref="InboxChanged"/>) and wakes this instance's e-mail worker; the rows themselves are the truth, so a lost
/// message only delays a bell until the next one.
/// </summary>
public sealed class NotificationAnnouncer(IEventChannel<InboxChanged> inbox, PendingEmails pendingEmails)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) await AnnounceAsync(eventData.Context);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) AnnounceAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        AnnounceAsync(eventData.Context);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        AnnounceAsync(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private static void Forget(DbContext? context) => (context as AppDbContext)?.UnannouncedRecipients.Clear();

    private async Task AnnounceAsync(DbContext? context)
    {
        if (context is not AppDbContext { UnannouncedRecipients.Count: > 0 } db) return;
        var recipients = db.UnannouncedRecipients.ToList();
        db.UnannouncedRecipients.Clear();
        pendingEmails.Announce();
        foreach (var recipient in recipients) await inbox.PublishAsync(new InboxChanged(recipient));
    }
}

/// <summary>Wakes this instance's <see cref="Email.EmailWorker"/> as soon as a notification was recorded here.</summary>
public sealed class PendingEmails : Common.WakeSignal;
