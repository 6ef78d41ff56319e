using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Overview;

/// <summary>
/// The state of a club at a glance, for its officers (the dashboard's rule): members per term, joins per KST day, this
/// term's money and what needs an officer now. Everything is counted or summed by the database; only the join times of
/// the chart's window are read, because SQLite has no time zone to group them by KST day.
/// </summary>
public sealed class ClubOverview(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, IEnumerable<IOverviewNeeds> needs, TimeProvider time)
{
    /// <summary>The current term and up to this many before it.</summary>
    public const int EarlierTerms = 5;

    public async Task<ClubOverviewView> GetAsync(long clubId, CancellationToken ct = default)
    {
        var role = await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var term = Term.Current(time).Key;
        var open = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.LedgerOpenToMembers).SingleAsync(ct);
        var money = LedgerRules.CanRead(role, open) ? Money(await LedgerTotals.OfTermAsync(db, clubId, term, ct)) : null;
        var (window, joins) = await JoinsAsync(db, clubId, term, ct);
        var needed = new List<OverviewNeed>();
        foreach (var source in needs) needed.AddRange(await source.CountAsync(db, clubId, now, ct));
        return new ClubOverviewView(term, await MembersAsync(db, clubId, ct), window, joins, money, needed);
    }

    private async Task<IReadOnlyList<TermMembers>> MembersAsync(AppDbContext db, long clubId, CancellationToken ct)
    {
        var keys = (await ClubTerms.AllAsync(db, clubId, time, ct)).Take(EarlierTerms + 1).Select(t => t.Key).Reverse().ToList();
        var counts = await db.Memberships.Where(m => m.ClubId == clubId && keys.Contains(m.TermKey))
            .GroupBy(m => m.TermKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. keys.Select(key => new TermMembers(key, counts.GetValueOrDefault(key)))];
    }

    private async Task<(JoinWindow, IReadOnlyList<DayJoins>)> JoinsAsync(AppDbContext db, long clubId, string term, CancellationToken ct)
    {
        var group = await db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.ClubId == clubId && g.TermKey == term, ct);
        var window = JoinWindow.Of(group, time.Today());
        var (from, to) = (window.StartsAt, window.EndsBefore);
        var joinedAt = group is null ? [] : await db.Memberships
            .Where(m => m.ClubId == clubId && m.JoinGroupId == group.Id && m.CreatedAt >= from && m.CreatedAt < to)
            .Select(m => m.CreatedAt).ToListAsync(ct);
        return (window, window.Count(joinedAt));
    }

    private static OverviewMoney Money(LedgerTotals totals) => new(totals.Collected, totals.Refunded, totals.Expense, totals.Balance);
}
