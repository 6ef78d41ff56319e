using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Membership;

/// <summary>
/// Until a club has officers in a new term, its officers (임원 and above) of the latest earlier term are carried
/// into it with the same roles, so the club never loses its admins at 03-01 or 09-01, even if a student joins
/// first; ordinary members join again each term. Idempotent: the unique (club, term, user) index turns a
/// concurrent second copy into a no-op.
/// </summary>
public sealed class TermRollover
{
    /// <summary>Every club <paramref name="userId"/> ran in an earlier term, so a first visit of a new term still finds them.</summary>
    public async Task EnsureForUserAsync(AppDbContext db, Guid userId, Term term, CancellationToken ct)
    {
        var officerOfEarlierTerm = await db.Memberships
            .Where(m => m.UserId == userId && string.Compare(m.TermKey, term.Key) < 0 && m.Role >= RolePolicy.Admin)
            .Select(m => m.ClubId).Distinct().ToListAsync(ct);
        foreach (var clubId in officerOfEarlierTerm)
            await EnsureAsync(db, clubId, term, ct);
    }

    public async Task EnsureAsync(AppDbContext db, long clubId, Term term, CancellationToken ct)
    {
        if (await db.Memberships.AnyAsync(m => m.ClubId == clubId && m.TermKey == term.Key && m.Role >= RolePolicy.Admin, ct)) return;
        var latestEarlier = await db.Memberships
            .Where(m => m.ClubId == clubId && string.Compare(m.TermKey, term.Key) < 0)
            .MaxAsync(m => (string?)m.TermKey, ct);
        if (latestEarlier is null) return;
        var officers = await db.Memberships.AsNoTracking()
            .Where(m => m.ClubId == clubId && m.TermKey == latestEarlier)
            .ToListAsync(ct);
        var alreadyInTerm = await db.Memberships
            .Where(m => m.ClubId == clubId && m.TermKey == term.Key).Select(m => m.UserId).ToListAsync(ct);
        var carried = officers.Where(m => RolePolicy.CarriesOverToNextTerm(m.Role) && !alreadyInTerm.Contains(m.UserId)).ToList();
        if (carried.Count == 0) return;
        foreach (var officer in carried)
            db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = officer.UserId, TermKey = term.Key, Role = officer.Role });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // Another request carried the term over at the same moment; its rows are the same as ours.
            db.ChangeTracker.Clear();
        }
    }
}
