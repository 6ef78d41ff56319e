using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

/// <summary>
/// Gives a held payment back through the gateway, with the refundable balance as checksum so a second attempt (a
/// concurrent caller, a retry after a crash) is refused by the gateway, then records Paid → Refunded with its own
/// refund row, once.
/// </summary>
public sealed class OrderRefunds(IDbContextFactory<AppDbContext> dbFactory, PaymentGateways gateways, OrderLedger ledger, HoldService holds, TimeProvider time)
{
    /// <summary>
    /// True when this call recorded the refund; false when another caller had. <paramref name="alongside"/> writes in the
    /// same transaction as the Refunded move (an officer's refund removes the membership with it), so no one ever sees a
    /// refunded order whose membership is still there.
    /// </summary>
    public async Task<bool> RefundAsync(
        JoinOrder order, GatewayPayment payment, OrderCause cause, CancellationToken ct, Func<AppDbContext, Task>? alongside = null)
    {
        var reason = order.RefundReason ?? throw new InvalidOperationException($"Order {order.Id} has no refund reason.");
        var gateway = gateways.For(order);
        var after = payment;
        if (payment.Refundable > 0)
        {
            try
            {
                after = await gateway.CancelAsync(payment.ImpUid, null, payment.Refundable, reason, ct);
            }
            catch (PaymentGatewayException)
            {
                // Refused: perhaps another caller refunded it a moment ago (the checksum no longer matched). Only then go on.
                after = await gateway.GetPaymentAsync(payment.ImpUid, ct);
                if (after is null || after.Refundable > 0) throw;
            }
        }
        var refund = new PaymentRefund
        {
            OrderId = order.Id, ImpUid = payment.ImpUid, Amount = payment.Refundable > 0 ? payment.Refundable : after.CancelAmount,
            Reason = reason, GatewayCancelledTotal = after.CancelAmount, RefundedAt = time.GetUtcNow(),
        };
        var move = new OrderLedger.Move(OrderStatus.Refunded, cause, $"{reason}: {refund.Amount} refunded");
        var recorded = await ledger.TryMoveThroughAsync(order, [move], async db =>
        {
            db.PaymentRefunds.Add(refund);
            if (alongside is not null) await alongside(db);
            return true;
        }, ct);
        if (!recorded) return false;
        if (!await HoldInUseByAnotherOrderAsync(order, ct)) await holds.ReleaseUnlessApprovedAsync(order.HoldId, ct);
        return true;
    }

    private async Task<bool> HoldInUseByAnotherOrderAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JoinOrders.AnyAsync(o => o.HoldId == order.HoldId && o.Id != order.Id
            && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Paid || o.Status == OrderStatus.Completed), ct);
    }
}
