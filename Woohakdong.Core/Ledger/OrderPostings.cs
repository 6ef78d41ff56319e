using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Ledger;

/// <summary>
/// What an order's move writes to the ledger, inside the move's own transaction (<see cref="OrderLedger"/>; many at once:
/// <see cref="BulkCompletion"/>): income when it completes, and when a completed order is refunded the refund as the
/// reversal of that income. A payment refunded without ever completing was never income, so it posts nothing. Unique
/// indexes keep each to one row whatever runs twice.
/// </summary>
internal static class OrderPostings
{
    public static async Task AddAsync(AppDbContext db, JoinOrder order, OrderStatus from, OrderStatus to, DateTimeOffset now, CancellationToken ct)
    {
        if (to == OrderStatus.Completed)
        {
            var (term, category) = await BookingOfAsync(db, order, ct);
            db.LedgerEntries.Add(Posting(db, order, term, category, LedgerKind.Income, order.Amount, LedgerSource.Order, now));
        }
        else if (to == OrderStatus.Refunded && from == OrderStatus.Completed)
        {
            var refund = db.PaymentRefunds.Local.Single(r => r.OrderId == order.Id);
            var income = await db.LedgerEntries.Where(e => e.OrderId == order.Id && e.Source == LedgerSource.Order)
                .Select(e => new { e.Id, e.TermKey, e.Category }).SingleOrDefaultAsync(ct);
            // An order completed before the ledger existed has no income to reverse; its refund still leaves the books.
            var (term, category) = income is null ? await BookingOfAsync(db, order, ct) : (income.TermKey, income.Category);
            var posting = Posting(db, order, term, category, LedgerKind.Expense, refund.Amount, LedgerSource.Refund, now);
            posting.ReversesId = income?.Id;
            posting.Memo = refund.Reason;
            db.LedgerEntries.Add(posting);
        }
    }

    /// <summary>The pool's term, and its category: a join group's seats are membership fees, an event's its tickets.</summary>
    private static async Task<(string TermKey, LedgerCategory Category)> BookingOfAsync(AppDbContext db, JoinOrder order, CancellationToken ct)
    {
        var pool = await db.SeatPools.Where(p => p.Id == order.PoolId).Select(p => new { p.TermKey, p.Kind }).SingleAsync(ct);
        return (pool.TermKey, pool.Kind == PoolKind.Event ? LedgerCategory.Event : LedgerCategory.MembershipFee);
    }

    private static LedgerEntry Posting(
        AppDbContext db, JoinOrder order, string term, LedgerCategory category, LedgerKind kind, long amount, LedgerSource source,
        DateTimeOffset now) => new()
    {
        ClubId = order.ClubId, TermKey = term, Date = DateOnly.FromDateTime(now.ToKst().DateTime), Kind = kind,
        Category = category, Amount = amount, Source = source, OrderId = order.Id,
        RecordedBy = db.Actor?.UserId, RecordedAt = now,
    };
}
