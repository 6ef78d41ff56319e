using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

/// <summary>
/// Gives a held payment back through the gateway, with the refundable balance as checksum so a second attempt (a
/// concurrent caller, a retry after a crash) is refused by the gateway, then records Paid → Refunded with its own
/// refund row, once.
/// </summary>
public sealed class OrderRefunds(IDbContextFactory<AppDbContext> dbFactory, IPaymentGateway gateway, OrderLedger ledger, HoldService holds, TimeProvider time)
{
    public async Task RefundAsync(JoinOrder order, GatewayPayment payment, OrderCause cause, CancellationToken ct)
    {
        var reason = order.RefundReason ?? throw new InvalidOperationException($"Order {order.Id} has no refund reason.");
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
        if (!await ledger.TryMoveAsync(order, move, db => db.PaymentRefunds.Add(refund), ct)) return;
        if (!await HoldInUseByAnotherOrderAsync(order, ct)) await holds.ReleaseHoldAsync(order.HoldId, ct);
    }

    private async Task<bool> HoldInUseByAnotherOrderAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JoinOrders.AnyAsync(o => o.HoldId == order.HoldId && o.Id != order.Id
            && (o.Status == OrderStatus.Pending || o.Status == OrderStatus.Paid || o.Status == OrderStatus.Completed), ct);
    }
}
