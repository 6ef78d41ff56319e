using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Events;

/// <summary>
/// Cancelling an event: it stops taking sign-ups at once (CANCELLED, so the seat engine and late payments see it closed),
/// then its waitlist is closed (offers' seats released, so no late payment can convert one), then every live sign-up is
/// given back (<see cref="SignupReturns"/>, paid ones refunded as EVENT_CANCELLED). One that the gateway refuses stays
/// confirmed and is retried when an officer cancels again. The sign-ups live at the move hear of it once: their notices
/// are recorded with the move, only by the call that made it.
/// </summary>
public sealed class EventCancellation(
    IDbContextFactory<AppDbContext> dbFactory, SignupReturns returns, EventWaitlist waitlist, NotificationOutbox outbox, TimeProvider time,
    ILogger<EventCancellation> logger)
{
    public const string RefundReason = "EVENT_CANCELLED";

    /// <summary>How many live sign-ups were left because giving them back failed (0: all given back).</summary>
    public async Task<int> CancelAsync(long eventId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<EventSignup> live;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var moved = await db.Events.Where(e => e.Id == eventId && e.Status != EventStatus.Cancelled)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EventStatus.Cancelled).SetProperty(e => e.UpdatedAt, now), ct);
                if (moved == 1)
                {
                    outbox.Record(db, await EventDrafts.CancelledToLiveAsync(db, eventId, ct));
                    await db.SaveChangesAsync(ct);
                }
                await transaction.CommitAsync(ct);
            }
            await waitlist.CloseAsync(eventId, ct);
            live = await db.EventSignups.AsNoTracking()
                .Where(s => s.EventId == eventId && s.Status != SignupStatus.Cancelled).OrderBy(s => s.Id).ToListAsync(ct);
        }
        var failed = 0;
        foreach (var signup in live)
        {
            try
            {
                await returns.ReturnAsync(signup, RefundReason, OrderCause.Admin, ct);
            }
            catch (AppException refusal) when (refusal.Code == ErrorCodes.RefundRefusedByGateway)
            {
                logger.LogWarning("Refunding sign-up {SignupId} of cancelled event {EventId} was refused; cancel again to retry", signup.Id, eventId);
                failed++;
            }
        }
        return failed;
    }
}
