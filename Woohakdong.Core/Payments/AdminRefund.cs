using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Payments;

/// <summary>
/// A 총무 or above gives a completed member's fee back (e.g. the member leaves): the gateway first, so a refusal
/// changes nothing; then, in one transaction, Completed → Refunded with its refund row (cause Admin), the membership
/// removed and its seat freed. Of two officers refunding at once exactly one is told it worked; the other gets
/// ORDER_ALREADY_REFUNDED. Asking again after a refund that stopped between the gateway and the database (a crash, a
/// lost connection) records it without refunding twice: the gateway then has nothing left to refund.
/// </summary>
public sealed class AdminRefund(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, PaymentGateways gateways, OrderRefunds refunds,
    OrderLedger ledger, SeatChanges seatChanges)
{
    public const int ReasonMaxLength = 200;

    public async Task<OrderView> RefundAsync(long clubId, long orderId, string reason, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanRefundPayments, ct);
        reason = TextRules.Normalize(reason, TextShape.SingleLine, "reason");
        if (reason.Length == 0) throw AppException.Validation(ErrorCodes.RefundReasonRequired, "reason");
        if (reason.Length > ReasonMaxLength) throw AppException.Validation(ErrorCodes.RefundReasonTooLong, "reason");
        var order = await ledger.FindAsync(orderId, ct);
        if (order is null || order.ClubId != clubId) throw AppException.NotFound(ErrorCodes.OrderNotFound);
        if (order.Status == OrderStatus.Refunded) throw AppException.Conflict(ErrorCodes.OrderAlreadyRefunded);
        if (order.Status != OrderStatus.Completed || order.ImpUid is null) throw AppException.Conflict(ErrorCodes.OrderNotRefundable);
        if (await MembershipOfAsync(order, ct) is { Role: ClubRole.President }) throw AppException.Conflict(ErrorCodes.PresidentRoleProtected);

        bool recorded;
        var seatFreed = false;
        try
        {
            var payment = await gateways.For(order).GetPaymentAsync(order.ImpUid, ct)
                ?? throw new PaymentGatewayException($"imp_uid {order.ImpUid} is unknown to the gateway");
            order.RefundReason = reason;
            recorded = await refunds.RefundAsync(order, payment, OrderCause.Admin, ct,
                async db => seatFreed = await RemoveMembershipAsync(db, order, ct));
        }
        catch (PaymentGatewayException)
        {
            throw AppException.Conflict(ErrorCodes.RefundRefusedByGateway);
        }
        if (!recorded) throw AppException.Conflict(ErrorCodes.OrderAlreadyRefunded);
        if (seatFreed)
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) await seatChanges.AnnounceAsync(db, order.GroupId, ct);
        return OrderView.Of(order) with { Status = OrderStatus.Refunded };
    }

    /// <summary>The same refund found by the order alone (<c>POST /v1/orders/{orderId}/refund</c>): the order's club is checked.</summary>
    public async Task<OrderView> RefundAsync(long orderId, string reason, CancellationToken ct = default)
    {
        var order = await ledger.FindAsync(orderId, ct) ?? throw AppException.NotFound(ErrorCodes.OrderNotFound);
        return await RefundAsync(order.ClubId, orderId, reason, ct);
    }

    private async Task<ClubMembership?> MembershipOfAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MembershipQuery(db, order).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    /// <summary>Inside the refund's transaction: the membership goes and, if there was one, its seat is freed.</summary>
    private static async Task<bool> RemoveMembershipAsync(AppDbContext db, JoinOrder order, CancellationToken ct) =>
        await MembershipQuery(db, order).ExecuteDeleteAsync(ct) > 0 && await SeatCounter.FreeAsync(db, order.GroupId, ct);

    private static IQueryable<ClubMembership> MembershipQuery(AppDbContext db, JoinOrder order) =>
        db.Memberships.Where(m => m.ClubId == order.ClubId && m.UserId == order.UserId && m.JoinGroupId == order.GroupId);
}
