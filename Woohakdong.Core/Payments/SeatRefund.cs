using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

/// <summary>
/// Gives a completed order's money back and takes its seat's grant with it (a membership, an event sign-up): the gateway
/// first, so a refusal changes nothing; then, in one transaction, Completed → Refunded with its refund row, the grant
/// revoked (<see cref="ISeatGrant.RevokeAsync"/>) and its seat freed. Of two callers refunding at once exactly one records
/// it; asking again after a refund that stopped between the gateway and the database records it without refunding twice.
/// </summary>
public sealed class SeatRefund(
    IDbContextFactory<AppDbContext> dbFactory, PaymentGateways gateways, OrderRefunds refunds, SeatGrants grants, SeatChanges seatChanges)
{
    /// <summary>False when another caller recorded the refund first; REFUND_REFUSED_BY_GATEWAY when the gateway said no.</summary>
    public async Task<bool> RefundAsync(JoinOrder order, string reason, OrderCause cause, CancellationToken ct = default)
    {
        if (order.Status != OrderStatus.Completed || order.ImpUid is null) throw AppException.Conflict(ErrorCodes.OrderNotRefundable);
        SeatPool pool;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            pool = await db.SeatPools.AsNoTracking().SingleAsync(p => p.Id == order.PoolId, ct);
        var grant = grants.For(pool);
        bool recorded;
        var seatFreed = false;
        try
        {
            var payment = await gateways.For(order).GetPaymentAsync(order.ImpUid, ct)
                ?? throw new PaymentGatewayException($"imp_uid {order.ImpUid} is unknown to the gateway");
            order.RefundReason = reason;
            recorded = await refunds.RefundAsync(order, payment, cause, ct,
                async db => seatFreed = await grant.RevokeAsync(db, pool, order.UserId, ct) && await SeatCounter.FreeAsync(db, pool.Id, ct));
        }
        catch (PaymentGatewayException)
        {
            throw AppException.Conflict(ErrorCodes.RefundRefusedByGateway);
        }
        if (seatFreed)
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) await seatChanges.AnnounceAsync(db, pool.Id, ct);
        return recorded;
    }
}
