using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Clubs;

/// <summary>Reading clubs: the public list and page, and "my clubs".</summary>
public sealed class ClubQueries(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, TermRollover rollover, TimeProvider time)
{
    public const int SearchLimit = 100;

    /// <summary>Clubs whose Korean or English name contains <paramref name="query"/>, by name.</summary>
    public async Task<IReadOnlyList<ClubView>> SearchAsync(string? query, CancellationToken ct = default)
    {
        var needle = TextRules.SearchTerm(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clubs = db.Clubs.AsNoTracking();
        if (needle.Length > 0)
            clubs = clubs.Where(c => c.Name.ToLower().Contains(needle) || c.EnglishName.Contains(needle));
        return await Project(db, clubs.OrderBy(c => c.Name).Take(SearchLimit), includeChatLink: false).ToListAsync(ct);
    }

    public async Task<ClubView> GetAsync(long clubId, CancellationToken ct = default)
    {
        var isMember = await access.RoleAsync(clubId, ct) is not null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db, db.Clubs.Where(c => c.Id == clubId), isMember).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.ClubNotFound);
    }

    public async Task<ClubView> GetByEnglishNameAsync(string englishName, CancellationToken ct = default)
    {
        var key = englishName.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clubId = await db.Clubs.Where(c => c.EnglishName == key).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.ClubNotFound);
        return await GetAsync(clubId, ct);
    }

    /// <summary>The clubs the caller belongs to this term, with the caller's role.</summary>
    public async Task<IReadOnlyList<MyClubView>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var term = Term.Current(time);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await rollover.EnsureForUserAsync(db, userId, term, ct);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.TermKey == term.Key)
            .OrderByDescending(m => m.Role).ThenBy(m => m.Club.Name)
            .Select(m => new MyClubView(m.ClubId, m.Club.Name, m.Club.EnglishName, m.Role, m.TermKey))
            .ToListAsync(ct);
    }

    private IQueryable<ClubView> Project(AppDbContext db, IQueryable<Club> clubs, bool includeChatLink)
    {
        var term = Term.Current(time).Key;
        return clubs.Select(c => new ClubView(
            c.Id, c.Name, c.EnglishName, c.Description, c.Room, includeChatLink ? c.ChatLink : null, c.Fee, c.SeatLimit,
            db.Memberships.Count(m => m.ClubId == c.Id && m.TermKey == term)));
    }
}
