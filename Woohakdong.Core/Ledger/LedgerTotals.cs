using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Ledger;

/// <summary>
/// One term's sums. <see cref="Income"/> and <see cref="Expense"/> are net of reversals; <see cref="Refunded"/> is the part
/// of income given back through refunds, so <see cref="Collected"/> is what came in before them.
/// </summary>
public sealed record LedgerTotals(long CarriedOver, long Collected, long Refunded, long Income, long Expense)
{
    public long Balance => CarriedOver + Income - Expense;

    /// <summary>The term's sums and what earlier terms carried over, summed by the database (one GROUP BY, no rows loaded).</summary>
    public static async Task<LedgerTotals> OfTermAsync(AppDbContext db, long clubId, string termKey, CancellationToken ct)
    {
        var groups = await db.LedgerEntries
            .Where(e => e.ClubId == clubId && string.Compare(e.TermKey, termKey) <= 0)
            .GroupBy(e => new { Earlier = e.TermKey != termKey, e.Kind, Reversal = e.ReversesId != null, e.Source })
            .Select(g => new { g.Key.Earlier, g.Key.Kind, g.Key.Reversal, g.Key.Source, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        long Signed(LedgerKind kind, long amount) => kind == LedgerKind.Income ? amount : -amount;
        var term = groups.Where(g => !g.Earlier).ToList();
        // A reversal counts against the kind it reverses, so a corrected mistake inflates neither side.
        long Net(LedgerKind kind) => term
            .Where(g => (g.Reversal ? LedgerRules.Opposite(g.Kind) : g.Kind) == kind)
            .Sum(g => g.Reversal ? -g.Amount : g.Amount);
        var refunded = term.Where(g => g.Source == LedgerSource.Refund && g.Reversal).Sum(g => g.Amount);
        var income = Net(LedgerKind.Income);
        return new LedgerTotals(
            groups.Where(g => g.Earlier).Sum(g => Signed(g.Kind, g.Amount)), income + refunded, refunded, income, Net(LedgerKind.Expense));
    }
}
