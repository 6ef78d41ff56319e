using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The one way an order learns about its payment, whoever brings the news (webhook, callback, redirect, /v1 confirm,
/// reconciler). The notice's ids only find the order; the decision comes from the payment re-fetched from the gateway,
/// and every step goes through the guarded moves of <see cref="OrderLedger"/>, so any number of concurrent or repeated
/// calls settle an order once.
/// </summary>
public sealed class OrderCompletion(
    IDbContextFactory<AppDbContext> dbFactory, PaymentGateways gateways, OrderLedger ledger, HoldService holds,
    PaidOrderSettlement settlement, TimeProvider time, ILogger<OrderCompletion> logger)
{
    /// <summary>The order after the notice was handled, or null when no order matches it.</summary>
    public async Task<OrderView?> CompleteAsync(PaymentNotice notice, OrderCause cause, CancellationToken ct = default)
    {
        var (order, fetched) = await FindOrderAsync(notice, ct);
        if (order is null) return null;
        return fetched is null
            ? await SettleAsync(order, notice, cause, expireUnpaid: false, ct)
            : await SettleWithAsync(order, fetched, notice, cause, expireUnpaid: false, ct);
    }

    /// <summary>The reconciler's question about one order: asked by merchant_uid; an unpaid order past its hold expires.</summary>
    public async Task<OrderView?> ReconcileAsync(long orderId, CancellationToken ct = default) =>
        await ledger.FindAsync(orderId, ct) is { } order
            ? await SettleAsync(order, new PaymentNotice(null, order.MerchantUid), OrderCause.Reconciler, expireUnpaid: true, ct)
            : null;

    internal async Task<OrderView> SettleAsync(JoinOrder order, PaymentNotice notice, OrderCause cause, bool expireUnpaid, CancellationToken ct)
    {
        if (OrderTransitions.IsFinal(order.Status)) return OrderView.Of(order);
        var gateway = gateways.For(order);
        var payment = notice.ImpUid is { } impUid
            ? await gateway.GetPaymentAsync(impUid, ct)
            : await gateway.FindByMerchantUidAsync(order.MerchantUid, ct);
        return await SettleWithAsync(order, payment, notice, cause, expireUnpaid, ct);
    }

    /// <summary>Settles with a payment the caller has just fetched from the gateway for this notice (null: none there).</summary>
    internal async Task<OrderView> SettleWithAsync(
        JoinOrder order, GatewayPayment? payment, PaymentNotice notice, OrderCause cause, bool expireUnpaid, CancellationToken ct)
    {
        if (OrderTransitions.IsFinal(order.Status)) return OrderView.Of(order);
        if (payment is not null && payment.MerchantUid != order.MerchantUid)
            logger.LogWarning("Payment {ImpUid} belongs to {PaymentOrder}, not to order {MerchantUid}: ignored",
                payment.ImpUid, payment.MerchantUid, order.MerchantUid);
        else if (await ActAsync(order, payment, notice, cause, expireUnpaid, ct))
            return OrderView.Of(order) with { Status = OrderStatus.Completed };
        return OrderView.Of(await ledger.FindAsync(order.Id, ct) ?? order);
    }

    /// <summary>True when this call completed the order and knows it without reading it again.</summary>
    private async Task<bool> ActAsync(
        JoinOrder order, GatewayPayment? payment, PaymentNotice notice, OrderCause cause, bool expireUnpaid, CancellationToken ct)
    {
        switch (order.Status, payment?.Status)
        {
            case (OrderStatus.Pending or OrderStatus.Failed or OrderStatus.Expired, GatewayPaymentStatus.Paid):
                return await settlement.ClaimAsync(order, payment!, cause, ct);
            case (OrderStatus.Paid, _) when payment is not null && payment.ImpUid == order.ImpUid:
                await settlement.FinishAsync(order, payment, cause, ct);
                break;
            case (OrderStatus.Pending, GatewayPaymentStatus.Failed or GatewayPaymentStatus.Cancelled):
                await EndPendingAsync(order, OrderStatus.Failed, cause, payment!.FailReason ?? $"payment {payment.Status}", ct);
                break;
            case (OrderStatus.Pending, null or GatewayPaymentStatus.Ready) when notice.ClientError is not null:
                await EndPendingAsync(order, OrderStatus.Failed, cause, $"client error {notice.ClientError}", ct);
                break;
            case (OrderStatus.Pending, null or GatewayPaymentStatus.Ready) when expireUnpaid && time.GetUtcNow() >= order.HoldExpiresAt:
                await EndPendingAsync(order, OrderStatus.Expired, cause, "no payment before the hold expired", ct);
                break;
        }
        return false;
    }

    private async Task EndPendingAsync(JoinOrder order, OrderStatus end, OrderCause cause, string detail, CancellationToken ct)
    {
        if (await ledger.TryMoveAsync(order, new OrderLedger.Move(end, cause, detail), ct))
            await holds.ReleaseUnlessApprovedAsync(order.HoldId, ct);
    }

    /// <summary>The notice's order, and the payment when finding the order already meant fetching it.</summary>
    private async Task<(JoinOrder? Order, GatewayPayment? Fetched)> FindOrderAsync(PaymentNotice notice, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (notice.MerchantUid is { } merchantUid)
            return (await db.JoinOrders.AsNoTracking().SingleOrDefaultAsync(o => o.MerchantUid == merchantUid, ct), null);
        if (notice.ImpUid is not { } impUid) return (null, null);
        var settled = await db.JoinOrders.AsNoTracking().FirstOrDefaultAsync(o => o.ImpUid == impUid, ct);
        if (settled is not null) return (settled, null);
        // A notice with only an imp_uid: the gateway's own record of the payment names the order. Only V1's webhook
        // sends one (V2's always names its paymentId, our merchant_uid).
        var payment = await gateways.For(GatewayVersion.V1).GetPaymentAsync(impUid, ct);
        return payment is null ? (null, null)
            : (await db.JoinOrders.AsNoTracking().SingleOrDefaultAsync(o => o.MerchantUid == payment.MerchantUid, ct), payment);
    }
}
