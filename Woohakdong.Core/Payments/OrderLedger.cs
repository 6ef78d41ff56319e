using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The writer of an order's status (<see cref="BulkCompletion"/> makes the same guarded at-once move for many orders in
/// one statement). A move is one conditional update from the status the caller saw, so among
/// webhooks, callbacks and reconcilers on any number of instances exactly one wins it; the winner's history row (and
/// any money row, with its ledger posting: <see cref="OrderPostings"/>) commits in the same transaction, and only then is the move announced to <see cref="IOrderEvents"/>.
/// The student's receipt (Completed) or refund notice (Refunded) is recorded in that transaction too, so only the winner
/// sends one.
/// </summary>
public sealed class OrderLedger(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IEventChannel<OrderChanged> events, NotificationOutbox outbox)
{
    public sealed record Move(OrderStatus To, OrderCause Cause, string? Detail, string? ImpUid = null, string? RefundReason = null);

    /// <summary>False when someone else moved the order first.</summary>
    public Task<bool> TryMoveAsync(JoinOrder order, Move move, CancellationToken ct = default) =>
        TryMoveThroughAsync(order, [move], _ => Task.FromResult(true), ct);

    /// <summary>
    /// Several allowed moves in a row as one transaction with <paramref name="act"/>: the order goes straight to the last
    /// status, every step gets its history row, and only the last is announced. False, with nothing written, when someone
    /// else moved the order first, <paramref name="act"/> declines, or a unique index refuses the writes.
    /// </summary>
    public async Task<bool> TryMoveThroughAsync(JoinOrder order, IReadOnlyList<Move> moves, Func<AppDbContext, Task<bool>> act, CancellationToken ct = default)
    {
        var from = order.Status;
        foreach (var move in moves)
        {
            if (!OrderTransitions.IsAllowed(from, move.To))
                throw new InvalidOperationException($"Order {order.Id}: {from} → {move.To} is not an allowed transition.");
            from = move.To;
        }
        var (to, impUid, refundReason) = (moves[^1].To, moves.Select(m => m.ImpUid).LastOrDefault(i => i is not null),
            moves.Select(m => m.RefundReason).LastOrDefault(r => r is not null));
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var moved = await db.JoinOrders
                .Where(o => o.Id == order.Id && o.Status == order.Status)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(o => o.Status, to)
                    .SetProperty(o => o.ImpUid, o => impUid ?? o.ImpUid)
                    .SetProperty(o => o.RefundReason, o => refundReason ?? o.RefundReason)
                    .SetProperty(o => o.UpdatedAt, now), ct);
            if (moved != 1 || !await act(db)) return false;
            await NotifyAsync(db, order, to, now, ct);
            await OrderPostings.AddAsync(db, order, order.Status, to, now, ct);
            from = order.Status;
            foreach (var move in moves)
            {
                db.OrderHistory.Add(new OrderHistory
                {
                    OrderId = order.Id, From = from, To = move.To, Cause = move.Cause, Detail = Truncate(move.Detail), At = now,
                });
                from = move.To;
            }
            await db.SaveChangesAsync(ct);
        }
        catch (Exception error) when (IsUniqueViolation(error))
        {
            return false;
        }
        await transaction.CommitAsync(ct);
        await events.PublishAsync(new OrderChanged(order.Id, to));
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

    private async Task NotifyAsync(AppDbContext db, JoinOrder order, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to is not (OrderStatus.Completed or OrderStatus.Refunded)) return;
        var club = await db.Clubs.Where(c => c.Id == order.ClubId).Select(c => c.Name).SingleAsync(ct);
        // A ticket's payment names its event; the dues' (a join group's) has none.
        var eventTitle = await db.Events.Where(e => e.Id == order.PoolId).Select(e => e.Title).SingleOrDefaultAsync(ct);
        if (to == OrderStatus.Completed)
        {
            outbox.Record(db, NotificationDraft.PaymentCompleted(order.UserId, club, order.Amount, now, order.MerchantUid, eventTitle));
            return;
        }
        // Money moves only with its own row: the act of a Refunded move adds it (OrderRefunds).
        var refund = db.PaymentRefunds.Local.Single(r => r.OrderId == order.Id);
        outbox.Record(db, NotificationDraft.RefundMade(order.UserId, club, refund.Amount, refund.Reason, order.MerchantUid, eventTitle));
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
