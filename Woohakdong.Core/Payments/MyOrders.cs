using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The caller's own orders: reading one, and confirming one after the payment window (callback, redirect, /v1). Another
/// student's order answers ORDER_NOT_FOUND, as an unknown one does, so order ids reveal nothing.
/// </summary>
public sealed class MyOrders(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, OrderCompletion completion)
{
    public async Task<OrderView> GetAsync(long orderId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.JoinOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId && o.UserId == userId, ct);
        return order is null ? throw AppException.NotFound(ErrorCodes.OrderNotFound) : OrderView.Of(order);
    }

    /// <summary>
    /// The browser's word (imp_uid, error_code) is only a hint: the gateway's record decides. An error with no paid
    /// payment fails the order and frees the seat at once, so the student can try again.
    /// </summary>
    public async Task<OrderView> ConfirmAsync(
        long groupId, string merchantUid, string? impUid, string? clientError, OrderCause cause, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        JoinOrder? order;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            order = await db.JoinOrders.AsNoTracking()
                .SingleOrDefaultAsync(o => o.MerchantUid == merchantUid && o.GroupId == groupId && o.UserId == userId, ct);
        if (order is null) throw AppException.NotFound(ErrorCodes.OrderNotFound);
        var notice = new PaymentNotice(string.IsNullOrWhiteSpace(impUid) ? null : impUid, merchantUid, clientError);
        return await completion.SettleAsync(order, notice, cause, expireUnpaid: false, ct);
    }
}
