using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Events;

/// <summary>
/// Gives one sign-up back, the same way for a student's cancellation and an event's: a pending one's order is failed and its
/// hold released (the hold's end cancels it: <see cref="EventSignupHolds"/>); a confirmed free one is cancelled with its seat
/// freed in one transaction; a confirmed paid one is refunded in full through the one refund path (<see cref="SeatRefund"/>:
/// PortOne cancel with checksum), which cancels it and frees its seat. Every step is guarded, so a repeat does nothing twice.
/// </summary>
public sealed class SignupReturns(
    IDbContextFactory<AppDbContext> dbFactory, OrderLedger ledger, HoldService holds, SeatRefund seatRefund, SeatChanges changes,
    TimeProvider time)
{
    /// <summary>The order that paid for <paramref name="signup"/>, if it was paid (completed or being settled).</summary>
    public async Task<JoinOrder?> PaidOrderAsync(EventSignup signup, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JoinOrders.AsNoTracking()
            .Where(o => o.PoolId == signup.EventId && o.UserId == signup.UserId && o.Status == OrderStatus.Completed)
            .SingleOrDefaultAsync(ct);
    }

    public async Task ReturnAsync(EventSignup signup, string refundReason, OrderCause cause, CancellationToken ct)
    {
        if (signup.Status == SignupStatus.PendingPayment)
        {
            await AbandonPendingAsync(signup, cause, ct);
            return;
        }
        if (signup.Status != SignupStatus.Confirmed) return;
        if (await PaidOrderAsync(signup, ct) is { } order) await seatRefund.RefundAsync(order, refundReason, cause, ct);
        else await CancelFreeAsync(signup, ct);
    }

    private async Task AbandonPendingAsync(EventSignup signup, OrderCause cause, CancellationToken ct)
    {
        if (signup.HoldId is not { } holdId) return;
        List<JoinOrder> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            pending = await db.JoinOrders.AsNoTracking().Where(o => o.HoldId == holdId && o.Status == OrderStatus.Pending).ToListAsync(ct);
        foreach (var order in pending)
            await ledger.TryMoveAsync(order, new OrderLedger.Move(OrderStatus.Failed, cause, "sign-up given back before payment"), ct);
        // A payment still on its way arrives for a Failed order and is refunded (ORDER_CLOSED). Given back on purpose, even
        // a waitlist offer's reserved seat goes (to the next in line).
        await holds.ReleaseHoldAsync(holdId, ct);
    }

    private async Task CancelFreeAsync(EventSignup signup, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var confirmed = db.EventSignups.Where(s => s.Id == signup.Id && s.Status == SignupStatus.Confirmed);
            if (await SignupCancellations.CancelAsync(confirmed, now, ct) == 0) return;
            await SeatCounter.FreeAsync(db, signup.EventId, ct);
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(db, signup.EventId, ct);
    }
}
