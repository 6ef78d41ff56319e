using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Joining;

/// <summary>Finding a club's current group and changing its terms; shared by the group and club services.</summary>
internal static class JoinGroups
{
    /// <summary>
    /// The club's group for <paramref name="term"/>, created from the club's profile (closed) on first use.
    /// Call outside a transaction: a concurrent creation is settled by the unique (club, term) index.
    /// </summary>
    public static async Task<JoinGroup> CurrentAsync(AppDbContext db, long clubId, Term term, CancellationToken ct)
    {
        var existing = await FindAsync(db, clubId, term, ct);
        if (existing is not null) return existing;
        var club = await db.Clubs.AsNoTracking().Where(c => c.Id == clubId)
            .Select(c => new { c.Fee, c.SeatLimit }).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.ClubNotFound);
        var group = new JoinGroup { ClubId = clubId, TermKey = term.Key, Amount = club.Fee, SeatLimit = club.SeatLimit };
        db.JoinGroups.Add(group);
        try
        {
            await db.SaveChangesAsync(ct);
            return group;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
        }
        // Another request created it at the same moment; the unique index kept one.
        return await FindAsync(db, clubId, term, ct) ?? throw AppException.Conflict(ErrorCodes.Concurrency);
    }

    public static Task<JoinGroup?> FindAsync(AppDbContext db, long clubId, Term term, CancellationToken ct) =>
        db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.ClubId == clubId && g.TermKey == term.Key, ct);

    /// <summary>
    /// Sets limit and fee (and the open state when given) in one conditional statement, so a limit can never
    /// slip below seats taken by a join committing at the same moment.
    /// </summary>
    public static async Task ApplyTermsAsync(
        AppDbContext db, long groupId, int seatLimit, long amount, bool? recruiting, Guid? actor, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.JoinGroups
            .Where(g => g.Id == groupId && g.SeatsTaken <= seatLimit)
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(g => g.SeatLimit, seatLimit)
                    .SetProperty(g => g.Amount, amount)
                    .SetProperty(g => g.UpdatedAt, now)
                    .SetProperty(g => g.UpdatedBy, actor);
                if (recruiting is { } open) set.SetProperty(g => g.Recruiting, open);
            }, ct);
        if (updated > 0) return;
        throw await db.JoinGroups.AnyAsync(g => g.Id == groupId, ct)
            ? AppException.Conflict(ErrorCodes.SeatLimitBelowTaken, "seatLimit")
            : AppException.NotFound(ErrorCodes.GroupNotFound);
    }
}
