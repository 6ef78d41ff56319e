using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Payments;

/// <summary>
/// <see cref="PaidOrderSettlement"/>'s usual case for many orders at once, on PostgreSQL: every order whose verified payment
/// can be honoured and whose hold is still held in a recruiting join group (the crowd's flash case; other kinds of pool
/// take the per-order way) goes Pending → Paid → Completed in one transaction
/// of two statements, each order's receipt (<see cref="NotificationKind.PaymentCompleted"/>) written with it. The first locks the orders and their holds that qualify, in id order, re-checked after any
/// concurrent move (so a callback that moved an order first wins it, and this batch leaves it); the second makes all
/// their writes. Anything else, or a batch that meets a surprise (a membership that appeared meanwhile, a deadlock), is
/// left untouched for the careful per-order way.
/// </summary>
public sealed class BulkCompletion(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IEventChannel<OrderChanged> events, NotificationOutbox outbox,
    IEnumerable<IHoldEndObserver> holdObservers, ILogger<BulkCompletion> logger)
{
    /// <summary>An order with the payment the gateway has just confirmed for it.</summary>
    public sealed record Verified(JoinOrder Order, GatewayPayment Payment);

    /// <summary>The ids of the orders this call completed; every other order was left as it was.</summary>
    public async Task<IReadOnlySet<long>> CompleteAsync(IReadOnlyList<Verified> verified, OrderCause cause, CancellationToken ct = default)
    {
        var candidates = verified.Where(v => PaidOrderSettlement.CanCompleteAtOnce(v.Order, v.Payment)).DistinctBy(v => v.Order.Id).ToList();
        if (candidates.Count == 0) return None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!db.Database.IsNpgsql()) return None;
        // Read before the locks are taken, so the receipts cost the locked transaction no extra round trip.
        var clubIds = candidates.Select(c => c.Order.ClubId).Distinct().ToArray();
        var clubs = await db.Clubs.Where(c => clubIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        HashSet<long> completed;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                completed = [.. await LockQualifyingAsync(db, candidates.Select(c => c.Order.Id).ToArray(), ct)];
                if (completed.Count == 0) return None;
                // Every row is locked and qualifies, so anything short of one full set of writes per order is a surprise.
                var orders = candidates.Where(c => completed.Contains(c.Order.Id)).ToList();
                if (await WriteAsync(db, orders, clubs, cause, ct) != completed.Count) return None;
                var holdIds = orders.Select(o => o.Order.HoldId).ToArray();
                foreach (var observer in holdObservers) await observer.OnHoldsEndedAsync(db, holdIds, HoldState.Converted, ct);
                await db.SaveChangesAsync(ct);
                NotificationOutbox.AnnounceOnCommit(db, orders.Select(o => o.Order.UserId));
            }
            catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
            {
                logger.LogInformation(error, "Completing {Count} orders at once gave way; they are settled one by one", candidates.Count);
                return None;
            }
            await transaction.CommitAsync(ct);
        }
        await Task.WhenAll(completed.Select(id => events.PublishAsync(new OrderChanged(id, OrderStatus.Completed))));
        return completed;
    }

    private static IReadOnlySet<long> None => new HashSet<long>();

    private static async Task<List<long>> LockQualifyingAsync(AppDbContext db, long[] orderIds, CancellationToken ct) =>
        await db.Database.SqlQuery<long>($"""
            SELECT o."Id" AS "Value"
            FROM "JoinOrders" o
            JOIN "SeatHolds" h ON h."Id" = o."HoldId"
            JOIN "SeatPools" g ON g."Id" = h."PoolId"
            WHERE o."Id" = ANY({orderIds}) AND o."Status" = {(int)OrderStatus.Pending} AND g."Kind" = {PoolKind.Join.ToString()}
              AND h."State" = {(int)HoldState.Held} AND (g."Recruiting" OR h."Reserved")
              AND NOT EXISTS (SELECT FROM "ClubMemberships" m
                              WHERE m."ClubId" = g."ClubId" AND m."TermKey" = g."TermKey" AND m."UserId" = h."UserId")
            ORDER BY o."Id"
            FOR UPDATE OF o, h
            """).ToListAsync(ct);

    /// <summary>
    /// The orders' moves, their holds converted (the seat stays taken), their memberships, two history rows, a ledger
    /// posting and a receipt each, as one statement; returns how many orders got all of that.
    /// </summary>
    private async Task<int> WriteAsync(
        AppDbContext db, List<Verified> orders, Dictionary<long, string> clubs, OrderCause cause, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ids = orders.Select(o => o.Order.Id).ToArray();
        var impUids = orders.Select(o => o.Payment.ImpUid).ToArray();
        var paidDetails = orders.Select(o => PaidOrderSettlement.PaidDetail(o.Payment, refundReason: null)).ToArray();
        var completedDetails = orders.Select(o => PaidOrderSettlement.CompletedFromHoldDetail(o.Order.HoldId)).ToArray();
        var receipts = outbox.Rows(orders.Select(o => NotificationDraft.PaymentCompleted(
            o.Order.UserId, clubs[o.Order.ClubId], o.Order.Amount, now, o.Order.MerchantUid)));
        var receiptParameters = receipts.Select(r => r.Parameters).ToArray();
        // Receipts differ only in recipient and parameters; the rest of the row is the kind's, the same for all.
        var receipt = receipts[0];
        // Each order's income in the ledger (OrderPostings' rule, set-based): its group's term, today in KST.
        var today = StoredValue.Of<LedgerEntry>(db, nameof(LedgerEntry.Date), DateOnly.FromDateTime(now.ToKst().DateTime));
        var recordedAt = StoredValue.Of<LedgerEntry>(db, nameof(LedgerEntry.RecordedAt), now);
        var (pending, paid, done) = ((int)OrderStatus.Pending, (int)OrderStatus.Paid, (int)OrderStatus.Completed);
        // Read as a list: composing (SingleAsync) would nest the statement, and PostgreSQL takes a writing WITH only on top.
        return await db.Database.SqlQuery<int>($"""
            WITH input AS (
                SELECT * FROM unnest({ids}, {impUids}, {paidDetails}, {completedDetails}, {receiptParameters})
                    AS i("OrderId", "ImpUid", "PaidDetail", "CompletedDetail", "Receipt")
            ),
            orders AS (
                UPDATE "JoinOrders" o SET "Status" = {done}, "ImpUid" = i."ImpUid", "UpdatedAt" = {now}
                FROM input i WHERE o."Id" = i."OrderId" AND o."Status" = {pending}
                RETURNING o."Id", o."HoldId", o."UserId", o."ClubId", o."PoolId", o."Amount"
            ),
            holds AS (
                UPDATE "SeatHolds" h SET "State" = {(int)HoldState.Converted}, "UpdatedAt" = {now}
                FROM orders o WHERE h."Id" = o."HoldId" AND h."State" = {(int)HoldState.Held}
                RETURNING h."PoolId", h."UserId"
            ),
            memberships AS (
                INSERT INTO "ClubMemberships" ("ClubId", "UserId", "TermKey", "Role", "JoinGroupId", "CreatedAt", "UpdatedAt")
                SELECT g."ClubId", h."UserId", g."TermKey", {(int)ClubRole.Member}, g."Id", {now}, {now}
                FROM holds h JOIN "SeatPools" g ON g."Id" = h."PoolId"
                ON CONFLICT DO NOTHING
                RETURNING 1
            ),
            history AS (
                INSERT INTO "OrderHistory" ("OrderId", "From", "To", "Cause", "Detail", "At")
                SELECT o."Id", step."From", step."To", {(int)cause},
                       CASE step."To" WHEN {paid} THEN i."PaidDetail" ELSE i."CompletedDetail" END, {now}
                FROM orders o JOIN input i ON i."OrderId" = o."Id"
                CROSS JOIN (VALUES ({pending}, {paid}), ({paid}, {done})) AS step("From", "To")
                ORDER BY o."Id", step."To"
            ),
            postings AS (
                INSERT INTO "LedgerEntries" ("ClubId", "TermKey", "Date", "Kind", "Category", "Amount", "Memo", "Source", "OrderId", "RecordedBy", "RecordedAt")
                SELECT o."ClubId", g."TermKey", {today}, {(int)LedgerKind.Income}, {(int)LedgerCategory.MembershipFee}, o."Amount", '',
                       {(int)LedgerSource.Order}, o."Id", NULL, {recordedAt}
                FROM orders o JOIN "SeatPools" g ON g."Id" = o."PoolId"
                RETURNING 1
            ),
            receipts AS (
                INSERT INTO "Notifications" ("RecipientId", "Kind", "Parameters", "Link", "CreatedAt", "InInbox", "EmailStatus", "EmailAttempts", "EmailDueAt")
                SELECT o."UserId", {receipt.Kind.ToString()}, i."Receipt", {receipt.Link}, {receipt.CreatedAt}, {receipt.InInbox},
                       {receipt.EmailStatus.ToString()}, {receipt.EmailAttempts}, {receipt.EmailDueAt}
                FROM orders o JOIN input i ON i."OrderId" = o."Id"
                RETURNING 1
            )
            SELECT least((SELECT count(*) FROM orders), (SELECT count(*) FROM holds), (SELECT count(*) FROM memberships),
                         (SELECT count(*) FROM postings), (SELECT count(*) FROM receipts))::int AS "Value"
            """).ToListAsync(ct) is [var written] ? written : 0;
    }
}
