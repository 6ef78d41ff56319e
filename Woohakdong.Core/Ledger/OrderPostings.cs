using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
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
            var term = await db.JoinGroups.Where(g => g.Id == order.GroupId).Select(g => g.TermKey).SingleAsync(ct);
            db.LedgerEntries.Add(Posting(db, order, term, LedgerKind.Income, order.Amount, LedgerSource.Order, now));
        }
        else if (to == OrderStatus.Refunded && from == OrderStatus.Completed)
        {
            var refund = db.PaymentRefunds.Local.Single(r => r.OrderId == order.Id);
            var income = await db.LedgerEntries.Where(e => e.OrderId == order.Id && e.Source == LedgerSource.Order)
                .Select(e => new { e.Id, e.TermKey }).SingleOrDefaultAsync(ct);
            // An order completed before the ledger existed has no income to reverse; its refund still leaves the books.
            var term = income?.TermKey ?? await db.JoinGroups.Where(g => g.Id == order.GroupId).Select(g => g.TermKey).SingleAsync(ct);
            var posting = Posting(db, order, term, LedgerKind.Expense, refund.Amount, LedgerSource.Refund, now);
            posting.ReversesId = income?.Id;
            posting.Memo = refund.Reason;
            db.LedgerEntries.Add(posting);
        }
    }

    private static LedgerEntry Posting(AppDbContext db, JoinOrder order, string term, LedgerKind kind, long amount, LedgerSource source, DateTimeOffset now) => new()
    {
        ClubId = order.ClubId, TermKey = term, Date = DateOnly.FromDateTime(now.ToKst().DateTime), Kind = kind,
        Category = LedgerCategory.MembershipFee, Amount = amount, Source = source, OrderId = order.Id,
        RecordedBy = db.Actor?.UserId, RecordedAt = now,
    };
}
