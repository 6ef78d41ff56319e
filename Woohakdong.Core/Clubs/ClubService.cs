using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Clubs;

/// <summary>Creating and editing clubs. Creating makes the caller its president for the current term.</summary>
public sealed class ClubService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, ClubQueries queries, SeatChanges seatChanges,
    TimeProvider time)
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
        var termsChanged = club.Fee != normalized.Fee || club.SeatLimit != normalized.SeatLimit;
        ToClub(normalized, club);
        // The current term's group is the truth for fee and limit: it takes the change under the same rule as a group update.
        var group = termsChanged ? await JoinGroups.FindAsync(db, clubId, Term.Current(time), ct) : null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (group is not null)
                await JoinGroups.ApplyTermsAsync(
                    db, group.Id, club.SeatLimit, club.Fee, recruiting: null, currentUser.UserId, time.GetUtcNow(), ct);
            await SaveAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        if (group is not null) await seatChanges.AnnounceAsync(db, group.Id, ct);
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
