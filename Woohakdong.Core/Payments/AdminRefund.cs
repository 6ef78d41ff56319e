using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Payments;

/// <summary>
/// A 총무 or above gives a completed order's money back (e.g. the member leaves) through <see cref="SeatRefund"/> (cause
/// Admin): the membership or sign-up goes with it and its seat is freed. Of two officers refunding at once exactly one is
/// told it worked; the other gets ORDER_ALREADY_REFUNDED.
/// </summary>
public sealed class AdminRefund(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, OrderLedger ledger, SeatRefund seatRefund)
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

        if (!await seatRefund.RefundAsync(order, reason, OrderCause.Admin, ct)) throw AppException.Conflict(ErrorCodes.OrderAlreadyRefunded);
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

    private static IQueryable<ClubMembership> MembershipQuery(AppDbContext db, JoinOrder order) =>
        db.Memberships.Where(m => m.ClubId == order.ClubId && m.UserId == order.UserId && m.JoinGroupId == order.PoolId);
}
