using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

/// <summary>
/// What happens to a verified paid payment: claimed for its order (Paid), then honoured with what its seat grants (Completed)
/// or given back (Refunded). Every step may run again after a crash or beside a concurrent caller: converting a hold is
/// idempotent, each move is guarded, and the gateway's checksum refuses a second cancel of the same money.
/// </summary>
public sealed class PaidOrderSettlement(
    IDbContextFactory<AppDbContext> dbFactory, OrderLedger ledger, HoldService holds, OrderRefunds refunds, SeatGrants grants)
{
    public const string Krw = "KRW";

    /// <summary>
    /// Records the payment as held for the order; only the caller that wins that move goes on to act on it. True when the
    /// order is known to be Completed by this call (no need to read it again).
    /// </summary>
    public async Task<bool> ClaimAsync(JoinOrder order, GatewayPayment payment, OrderCause cause, CancellationToken ct)
    {
        if (CanCompleteAtOnce(order, payment) && await TryCompleteAtOnceAsync(order, payment, cause, ct))
            return true;
        var reason = order.Status == OrderStatus.Pending ? await ReasonNotToHonourAsync(order, payment, ct) : RefundReasons.OrderClosed;
        if (!await ledger.TryMoveAsync(order, PaidMove(payment, cause, reason), ct)) return false;
        await FinishAsync(await ledger.FindAsync(order.Id, ct) ?? order, payment, cause, ct);
        return false;
    }

    /// <summary>Takes a Paid order to Completed or Refunded.</summary>
    public async Task FinishAsync(JoinOrder order, GatewayPayment payment, OrderCause cause, CancellationToken ct)
    {
        if (payment.Refundable == 0 && order.RefundReason is null)
            await ledger.TryClaimRefundAsync(order.Id, RefundReasons.CancelledAtGateway, ct);
        else if (order.RefundReason is null && !await TryHonourAsync(order, cause, ct))
            return;
        var current = await ledger.FindAsync(order.Id, ct);
        if (current is { Status: OrderStatus.Paid, RefundReason: not null })
            await refunds.RefundAsync(current, payment, cause, ct);
    }

    /// <summary>False when the order is done (completed here or by someone else); true when it is now to be refunded.</summary>
    private async Task<bool> TryHonourAsync(JoinOrder order, OrderCause cause, CancellationToken ct)
    {
        IGrantedSeat granted;
        try
        {
            granted = await holds.ConvertHoldAsync(order.HoldId, ct);
        }
        catch (AppException refusal) when (refusal.Code is ErrorCodes.Full or ErrorCodes.NotRecruiting or ErrorCodes.HoldEnded)
        {
            // The hold expired and its seat went to someone else meanwhile.
            await ledger.TryClaimRefundAsync(order.Id, RefundReasons.SeatGone, ct);
            return true;
        }
        var detail = $"{granted.GetType().Name} {granted.Id}";
        if (await ledger.TryMoveAsync(order, new OrderLedger.Move(OrderStatus.Completed, cause, detail), ct)) return false;
        if (await ledger.FindAsync(order.Id, ct) is not { Status: OrderStatus.Paid }) return false;
        // Still Paid although the move failed: the unique index found another completed order of this student and term.
        await ledger.TryClaimRefundAsync(order.Id, RefundReasons.AlreadyMember, ct);
        return true;
    }

    /// <summary>
    /// What the payment alone says about the usual case: a paid, unrefunded payment of this order's amount in KRW for a
    /// pending order. Whether the hold and the group still allow it only the guarded writes can tell.
    /// </summary>
    internal static bool CanCompleteAtOnce(JoinOrder order, GatewayPayment payment) =>
        order.Status == OrderStatus.Pending && payment.Status == GatewayPaymentStatus.Paid && payment.MerchantUid == order.MerchantUid
        && payment.Refundable > 0 && Mismatch(order, payment) is null;

    internal static string PaidDetail(GatewayPayment payment, string? refundReason) =>
        $"imp_uid {payment.ImpUid}: {payment.Amount} {payment.Currency}{(refundReason is null ? "" : $"; refund {refundReason}")}";

    internal static string CompletedFromHoldDetail(long holdId) => $"seat from hold {holdId}";

    /// <summary>
    /// The usual case in one transaction: Pending → Paid → Completed with the hold converted, when the hold is still held
    /// and the group still recruiting. Anything else (someone moved first, hold gone, group closed, already a member)
    /// writes nothing, and the careful step-by-step way below decides.
    /// </summary>
    private Task<bool> TryCompleteAtOnceAsync(JoinOrder order, GatewayPayment payment, OrderCause cause, CancellationToken ct) =>
        ledger.TryMoveThroughAsync(order,
            [PaidMove(payment, cause, reason: null), new OrderLedger.Move(OrderStatus.Completed, cause, CompletedFromHoldDetail(order.HoldId))],
            db => holds.TryConvertHeldAsync(db, order.HoldId, ct), ct);

    private static OrderLedger.Move PaidMove(GatewayPayment payment, OrderCause cause, string? reason) =>
        new(OrderStatus.Paid, cause, PaidDetail(payment, reason), payment.ImpUid, reason);

    private static string? Mismatch(JoinOrder order, GatewayPayment payment) =>
        payment.Amount != order.Amount ? RefundReasons.AmountMismatch
        : !string.Equals(payment.Currency, Krw, StringComparison.OrdinalIgnoreCase) ? RefundReasons.CurrencyMismatch
        : payment.OtherStore ? RefundReasons.StoreMismatch
        : null;

    private async Task<string?> ReasonNotToHonourAsync(JoinOrder order, GatewayPayment payment, CancellationToken ct)
    {
        if (Mismatch(order, payment) is { } mismatch) return mismatch;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pool = await db.SeatPools.AsNoTracking().SingleAsync(p => p.Id == order.PoolId, ct);
        // An approved application was given its seat by an officer: closing the crowd's recruitment does not take it back.
        var approved = await db.SeatHolds.AnyAsync(h => h.Id == order.HoldId && h.Reserved, ct);
        return grants.For(pool).Honours(pool) || approved ? null : RefundReasons.GroupClosed;

    }
}
