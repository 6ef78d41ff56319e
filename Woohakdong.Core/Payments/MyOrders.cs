using System.Linq.Expressions;
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

    /// <summary>The caller's orders with their clubs, newest first: "내 결제".</summary>
    public async Task<IReadOnlyList<MyOrder>> ListAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.JoinOrders.Where(o => o.UserId == userId).OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id);
        return await Describe(db, mine).ToListAsync(ct);
    }

    /// <summary>One of the caller's orders with its club, for the result page.</summary>
    public async Task<MyOrder> DescribeAsync(long orderId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Describe(db, db.JoinOrders.Where(o => o.Id == orderId && o.UserId == userId)).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.OrderNotFound);
    }

    /// <summary>
    /// The browser's word (imp_uid, error_code) is only a hint: the gateway's record decides; ids not of the
    /// <see cref="PaymentIds"/> shape are refused before anything is looked up. An error with no paid
    /// payment fails the order and frees the seat at once, so the student can try again.
    /// </summary>
    public Task<OrderView> ConfirmAsync(
        long groupId, string merchantUid, string? impUid, string? clientError, OrderCause cause, CancellationToken ct = default) =>
        ConfirmAsync(o => o.MerchantUid == merchantUid && o.PoolId == groupId, merchantUid, impUid, clientError, cause, ct);

    /// <summary>The mobile return address carries only the merchant_uid: the caller's own order with it.</summary>
    public Task<OrderView> ConfirmAsync(
        string merchantUid, string? impUid, string? clientError, OrderCause cause, CancellationToken ct = default) =>
        ConfirmAsync(o => o.MerchantUid == merchantUid, merchantUid, impUid, clientError, cause, ct);

    private async Task<OrderView> ConfirmAsync(
        Expression<Func<JoinOrder, bool>> which, string merchantUid, string? impUid, string? clientError, OrderCause cause,
        CancellationToken ct)
    {
        var userId = currentUser.RequireUserId();
        PaymentIds.CheckMerchantUid(merchantUid, "merchantUid");
        PaymentIds.CheckImpUid(impUid, "impUid");
        PaymentIds.CheckClientError(clientError, "errorCode");
        JoinOrder? order;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            order = await db.JoinOrders.AsNoTracking().Where(which).SingleOrDefaultAsync(o => o.UserId == userId, ct);
        if (order is null) throw AppException.NotFound(ErrorCodes.OrderNotFound);
        var notice = new PaymentNotice(NullIfBlank(impUid), merchantUid, NullIfBlank(clientError));
        return await completion.SettleAsync(order, notice, cause, expireUnpaid: false, ct);
    }

    private static IQueryable<MyOrder> Describe(AppDbContext db, IQueryable<JoinOrder> orders) =>
        from order in orders
        join club in db.Clubs on order.ClubId equals club.Id
        select new MyOrder(order.Id, club.Name, club.EnglishName, order.Amount, order.Status, order.CreatedAt);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>An order as its owner lists it, with the club it joins.</summary>
public sealed record MyOrder(long OrderId, string ClubName, string ClubEnglishName, long Amount, OrderStatus Status, DateTimeOffset CreatedAt);
