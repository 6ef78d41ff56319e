using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Payments;

/// <summary>
/// A 총무 or above gives a completed member's fee back (e.g. the member leaves): the gateway first, so a refusal
/// changes nothing; then Completed → Refunded with its refund row (cause Admin); then the membership goes and its
/// seat is freed. A refunded order is never refunded again; asking again after a refund that stopped before the
/// membership went (a crash, a lost connection) finishes that removal instead.
/// </summary>
public sealed class AdminRefund(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, IPaymentGateway gateway, OrderRefunds refunds,
    OrderLedger ledger, SeatChanges seatChanges)
{
    public const int ReasonMaxLength = 200;

    public async Task<OrderView> RefundAsync(long clubId, long orderId, string reason, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanRefundPayments, ct);
        reason = reason.Trim();
        if (reason.Length == 0) throw AppException.Validation(ErrorCodes.RefundReasonRequired, "reason");
        if (reason.Length > ReasonMaxLength) throw AppException.Validation(ErrorCodes.RefundReasonTooLong, "reason");
        var order = await ledger.FindAsync(orderId, ct);
        if (order is null || order.ClubId != clubId) throw AppException.NotFound(ErrorCodes.OrderNotFound);
        if (order.Status == OrderStatus.Refunded)
        {
            if (await WasRefundedWhileCompletedAsync(order, ct) && await RemoveMembershipAsync(order, ct)) return OrderView.Of(order);
            throw AppException.Conflict(ErrorCodes.OrderAlreadyRefunded);
        }
        if (order.Status != OrderStatus.Completed || order.ImpUid is null) throw AppException.Conflict(ErrorCodes.OrderNotRefundable);
        if (await MembershipOfAsync(order, ct) is { Role: ClubRole.President }) throw AppException.Conflict(ErrorCodes.PresidentRoleProtected);

        try
        {
            var payment = await gateway.GetPaymentAsync(order.ImpUid, ct)
                ?? throw new PaymentGatewayException($"imp_uid {order.ImpUid} is unknown to the gateway");
            order.RefundReason = reason;
            await refunds.RefundAsync(order, payment, OrderCause.Admin, ct);
        }
        catch (PaymentGatewayException)
        {
            throw AppException.Conflict(ErrorCodes.RefundRefusedByGateway);
        }
        await RemoveMembershipAsync(order, ct);
        return OrderView.Of(await ledger.FindAsync(orderId, ct) ?? order);
    }

    private async Task<ClubMembership?> MembershipOfAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MembershipQuery(db, order).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Only a refund of a completed order took a membership's money back. An order refunded on arrival (e.g. a second
    /// payment by a student who was already a member) must never remove the membership that another order paid for.
    /// </summary>
    private async Task<bool> WasRefundedWhileCompletedAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrderHistory.AnyAsync(
            h => h.OrderId == order.Id && h.From == OrderStatus.Completed && h.To == OrderStatus.Refunded, ct);
    }

    /// <summary>A delete that counts, so a concurrent second refund frees the seat only once. True when it removed one.</summary>
    private async Task<bool> RemoveMembershipAsync(JoinOrder order, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (await MembershipQuery(db, order).ExecuteDeleteAsync(ct) == 0) return false;
            await SeatCounter.FreeAsync(db, order.GroupId, ct);
            await transaction.CommitAsync(ct);
        }
        await seatChanges.AnnounceAsync(db, order.GroupId, ct);
        return true;
    }

    private static IQueryable<ClubMembership> MembershipQuery(AppDbContext db, JoinOrder order) =>
        db.Memberships.Where(m => m.ClubId == order.ClubId && m.UserId == order.UserId && m.JoinGroupId == order.GroupId);
}
