using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Joining;

/// <summary><c>201 {orderId, merchantUid, amount, holdExpiresAt}</c>: what the payment window needs (in V2 the merchantUid is its paymentId).</summary>
public sealed record PaidJoinStarted(long OrderId, string MerchantUid, long Amount, DateTimeOffset HoldExpiresAt);

/// <summary>
/// Taking a paid seat (joining a paid group, signing up to a paid event): the seat is held, the order saved with the
/// pool's price, and the amount registered at the gateway before any window opens, so a tampered amount is refused by the
/// gateway itself.
/// </summary>
public sealed class StartPaidJoin(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, SeatService seats, HoldService holds, OrderLedger ledger,
    PaymentGateways gateways, SeatGrants grants, ILogger<StartPaidJoin> logger)
{
    public Task<PaidJoinStarted> StartAsync(long groupId, string? merchantUid, CancellationToken ct = default) =>
        StartAsync(PoolKind.Join, groupId, merchantUid, ct);

    /// <param name="merchantUid">Made by the client so a retried request cannot make a second order; generated when absent.</param>
    public async Task<PaidJoinStarted> StartAsync(PoolKind kind, long poolId, string? merchantUid, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        merchantUid = string.IsNullOrWhiteSpace(merchantUid) ? MerchantUids.New() : merchantUid;
        if (!MerchantUids.IsValid(merchantUid)) throw AppException.Validation(ErrorCodes.MerchantUidInvalid, "merchantUid");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.JoinOrders.AnyAsync(o => o.MerchantUid == merchantUid, ct)) throw AppException.Conflict(ErrorCodes.DuplicateOrder, "merchantUid");
        var pool = await db.SeatPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId && p.Kind == kind, ct)
            ?? throw AppException.NotFound(grants.For(kind).NotFoundCode);
        if (pool.Amount == 0) throw AppException.Validation(ErrorCodes.InvalidInput);

        var hold = await seats.HoldAsync(kind, poolId, ct);
        await SupersedePendingAsync(db, hold.HoldId, ct);
        var order = new JoinOrder
        {
            MerchantUid = merchantUid, ClubId = pool.ClubId, PoolId = poolId, UserId = userId, Amount = pool.Amount,
            HoldId = hold.HoldId, HoldExpiresAt = hold.ExpiresAt, Status = OrderStatus.Pending,
            GatewayVersion = gateways.Current,
        };
        db.JoinOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            // The same merchantUid, or a second order for this hold, committed a moment before ours.
            throw await db.JoinOrders.AnyAsync(o => o.MerchantUid == merchantUid, ct)
                ? AppException.Conflict(ErrorCodes.DuplicateOrder, "merchantUid")
                : AppException.Conflict(ErrorCodes.AlreadyHolding);
        }
        await PrepareAsync(order, ct);
        return new PaidJoinStarted(order.Id, merchantUid, order.Amount, hold.ExpiresAt);
    }

    /// <summary>
    /// Asking again while holding a seat (the window was closed without a callback, say) replaces the waiting order. If the
    /// old one is paid after all, its payment arrives for a Failed order and is refunded.
    /// </summary>
    private async Task SupersedePendingAsync(AppDbContext db, long holdId, CancellationToken ct)
    {
        var waiting = await db.JoinOrders.AsNoTracking().Where(o => o.HoldId == holdId && o.Status == OrderStatus.Pending).ToListAsync(ct);
        foreach (var previous in waiting)
            if (!await ledger.TryMoveAsync(previous, new OrderLedger.Move(OrderStatus.Failed, OrderCause.Api, "replaced by a new order"), ct))
                throw AppException.Conflict(ErrorCodes.AlreadyHolding);
    }

    private async Task PrepareAsync(JoinOrder order, CancellationToken ct)
    {
        try
        {
            await gateways.For(order).PrepareAsync(order.MerchantUid, order.Amount, ct);
        }
        catch (PaymentGatewayException error)
        {
            logger.LogWarning(error, "Gateway refused to prepare order {MerchantUid}", order.MerchantUid);
            var failed = new OrderLedger.Move(OrderStatus.Failed, OrderCause.Api, $"prepare refused: {error.GatewayMessage}");
            if (await ledger.TryMoveAsync(order, failed, ct)) await holds.ReleaseUnlessApprovedAsync(order.HoldId, ct);
            throw new AppException(ErrorKind.Unavailable, ErrorCodes.PaymentGatewayUnavailable);
        }
    }
}
