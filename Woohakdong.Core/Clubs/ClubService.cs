using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Clubs;

/// <summary>Creating and editing clubs. Creating makes the caller its president for the current term.</summary>
public sealed class ClubService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, ClubQueries queries, TimeProvider time)
{
    public async Task<ClubView> CreateAsync(ClubInput input, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var club = ToClub(ClubRules.Validate(input), new Club());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureEnglishNameFreeAsync(db, club.EnglishName, exceptClubId: null, ct);
        db.Clubs.Add(club);
        db.Memberships.Add(new ClubMembership
        {
            Club = club, UserId = userId, TermKey = Term.Current(time).Key, Role = ClubRole.President,
        });
        await SaveAsync(db, ct);
        return await queries.GetAsync(club.Id, ct);
    }

    public async Task<ClubView> UpdateAsync(long clubId, ClubInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        var normalized = ClubRules.Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var club = await db.Clubs.SingleOrDefaultAsync(c => c.Id == clubId, ct)
            ?? throw AppException.NotFound(ErrorCodes.ClubNotFound);
        await EnsureEnglishNameFreeAsync(db, normalized.EnglishName, clubId, ct);
        ToClub(normalized, club);
        await SaveAsync(db, ct);
        return await queries.GetAsync(clubId, ct);
    }

    private static async Task EnsureEnglishNameFreeAsync(AppDbContext db, string englishName, long? exceptClubId, CancellationToken ct)
    {
        if (await db.Clubs.AnyAsync(c => c.EnglishName == englishName && c.Id != exceptClubId, ct))
            throw AppException.Conflict(ErrorCodes.DuplicateEnglishName, "englishName");
    }

    /// <summary>The unique index decides a race between two clubs taking the same URL name.</summary>
    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            throw AppException.Conflict(ErrorCodes.DuplicateEnglishName, "englishName");
        }
    }

    private static Club ToClub(ClubInput input, Club club)
    {
        club.Name = input.Name;
        club.EnglishName = input.EnglishName;
        club.Description = input.Description;
        club.Room = input.Room;
        club.ChatLink = input.ChatLink;
        club.Fee = input.Fee;
        club.SeatLimit = input.SeatLimit;
        return club;
    }
}
