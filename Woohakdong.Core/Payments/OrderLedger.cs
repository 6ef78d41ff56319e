using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The only writer of an order's status. A move is one conditional update from the status the caller saw, so among
/// webhooks, callbacks and reconcilers on any number of instances exactly one wins it; the winner's history row (and
/// any money row) commits in the same transaction, and only then is the move announced to <see cref="IOrderEvents"/>.
/// </summary>
public sealed class OrderLedger(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IEventChannel<OrderChanged> events)
{
    public sealed record Move(OrderStatus To, OrderCause Cause, string? Detail, string? ImpUid = null, string? RefundReason = null);

    /// <summary>False when someone else moved the order first (or <paramref name="record"/> hit a unique index).</summary>
    public async Task<bool> TryMoveAsync(JoinOrder order, Move move, Action<AppDbContext>? record = null, CancellationToken ct = default)
    {
        if (!OrderTransitions.IsAllowed(order.Status, move.To))
            throw new InvalidOperationException($"Order {order.Id}: {order.Status} → {move.To} is not an allowed transition.");
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var moved = await db.JoinOrders
                .Where(o => o.Id == order.Id && o.Status == order.Status)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(o => o.Status, move.To)
                    .SetProperty(o => o.ImpUid, o => move.ImpUid ?? o.ImpUid)
                    .SetProperty(o => o.RefundReason, o => move.RefundReason ?? o.RefundReason)
                    .SetProperty(o => o.UpdatedAt, now), ct);
            if (moved != 1) return false;
            db.OrderHistory.Add(new OrderHistory
            {
                OrderId = order.Id, From = order.Status, To = move.To, Cause = move.Cause, Detail = Truncate(move.Detail), At = now,
            });
            record?.Invoke(db);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception error) when (IsUniqueViolation(error))
        {
            return false;
        }
        await transaction.CommitAsync(ct);
        await events.PublishAsync(new OrderChanged(order.Id, move.To));
        return true;
    }

    /// <summary>Marks a held payment for refund unless a reason was already given; true when this call set it.</summary>
    public async Task<bool> TryClaimRefundAsync(long orderId, string reason, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JoinOrders
            .Where(o => o.Id == orderId && o.Status == OrderStatus.Paid && o.RefundReason == null)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.RefundReason, reason).SetProperty(o => o.UpdatedAt, now), ct) == 1;
    }

    public async Task<JoinOrder?> FindAsync(long orderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.JoinOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
    }

    /// <summary>A bulk update reports the provider's exception itself; a save wraps it in a DbUpdateException.</summary>
    private static bool IsUniqueViolation(Exception error) => error switch
    {
        DbUpdateException update => update.IsUniqueViolation(),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static string? Truncate(string? detail) => detail is { Length: > 500 } ? detail[..500] : detail;
}
