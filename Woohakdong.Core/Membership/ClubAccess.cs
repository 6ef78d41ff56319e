using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Membership;

/// <summary>
/// Answers "what is the caller's role in this club this term?" and refuses callers who lack the role.
/// Every admin service goes through here, so a check cannot be skipped by calling the service directly.
/// </summary>
public sealed class ClubAccess(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TermRollover rollover, TimeProvider time)
{
    /// <summary>The caller's role this term, or null for a non-member or an anonymous caller.</summary>
    public async Task<ClubRole?> RoleAsync(long clubId, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = Term.Current(time);
        await rollover.EnsureAsync(db, clubId, term, ct);
        return await db.Memberships
            .Where(m => m.ClubId == clubId && m.UserId == userId && m.TermKey == term.Key)
            .Select(m => (ClubRole?)m.Role)
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Throws NotFound for a missing club, Unauthorized for an anonymous caller, Forbidden when
    /// <paramref name="allowed"/> refuses the caller's role; returns the role otherwise.
    /// </summary>
    public async Task<ClubRole> RequireAsync(long clubId, Func<ClubRole?, bool> allowed, CancellationToken ct = default)
    {
        currentUser.RequireUserId();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.Clubs.AnyAsync(c => c.Id == clubId, ct)) throw AppException.NotFound(ErrorCodes.ClubNotFound);
        }
        var role = await RoleAsync(clubId, ct);
        if (!allowed(role)) throw AppException.Forbidden();
        return role!.Value;
    }
}
