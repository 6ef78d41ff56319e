using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Events;

/// <summary>
/// Follows the reserved holds of waitlist offers, inside the transaction that ended them: paid (converted) → SEATED;
/// given up, or released by the event's cancellation → LEFT; expired unpaid → LAPSED, told to the student. The hold's end
/// freed its seat, which the offers then give to the next in line.
/// </summary>
public sealed class WaitlistOfferHolds(NotificationOutbox outbox, TimeProvider time) : IHoldEndObserver
{
    public async Task OnHoldsEndedAsync(AppDbContext db, IReadOnlyCollection<long> holdIds, HoldState end, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var offers = db.WaitlistEntries.Where(w => w.HoldId != null && holdIds.Contains(w.HoldId.Value));
        if (end != HoldState.Expired)
        {
            await WaitlistMoves.MoveAsync(offers, WaitlistStatus.Offered, end == HoldState.Converted ? WaitlistStatus.Seated : WaitlistStatus.Left, now, ct);
            return;
        }
        var lapsing = await offers.AsNoTracking().Where(w => w.Status == WaitlistStatus.Offered)
            .Join(db.Events, w => w.EventId, e => e.Id, (w, e) => new { w.UserId, e.Id, e.Title, e.ClubId })
            .Join(db.Clubs, x => x.ClubId, c => c.Id, (x, c) => new { x.UserId, x.Id, x.Title, Club = c.Name })
            .ToListAsync(ct);
        if (await WaitlistMoves.MoveAsync(offers, WaitlistStatus.Offered, WaitlistStatus.Lapsed, now, ct) == 0) return;
        outbox.Record(db, lapsing.Select(x => WaitlistDrafts.OfferLapsed(x.UserId, x.Club, x.Title, x.Id)));
    }
}
