using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

/// <summary>
/// Follows the holds paid sign-ups wait on, inside the transaction that ended them: a hold released or expired without its
/// payment cancels the pending sign-up (the seat went back with it). A converted hold was confirmed by the grant itself.
/// </summary>
public sealed class EventSignupHolds(TimeProvider time) : IHoldEndObserver
{
    public async Task OnHoldsEndedAsync(AppDbContext db, IReadOnlyCollection<long> holdIds, HoldState end, CancellationToken ct)
    {
        if (end == HoldState.Converted) return;
        var pending = db.EventSignups.Where(s => s.HoldId != null && holdIds.Contains(s.HoldId.Value) && s.Status == SignupStatus.PendingPayment);
        await SignupCancellations.CancelAsync(pending, time.GetUtcNow(), ct);
    }
}
