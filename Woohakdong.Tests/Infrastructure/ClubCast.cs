using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Membership;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>Who is acting, seen from one club.</summary>
public enum Caller
{
    Anonymous,
    Student,
    OfficerOfAnotherClub,
    Member,
    Officer,
    Secretary,
    VicePresident,
    President,
}

public sealed record CastMember(Guid UserId, long MembershipId);

/// <summary>A club with one member of every role this term, a student with no membership, and an officer of another club.</summary>
public sealed record ClubCast(
    long ClubId, CastMember President, CastMember VicePresident, CastMember Secretary, CastMember Officer, CastMember Member,
    Guid Student, long OtherClubId, CastMember OfficerOfAnotherClub)
{
    public Guid? UserOf(Caller caller) => caller switch
    {
        Caller.Anonymous => null,
        Caller.Student => Student,
        Caller.OfficerOfAnotherClub => OfficerOfAnotherClub.UserId,
        Caller.Member => Member.UserId,
        Caller.Officer => Officer.UserId,
        Caller.Secretary => Secretary.UserId,
        Caller.VicePresident => VicePresident.UserId,
        Caller.President => President.UserId,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };
}

public static class ClubCastSeeding
{
    /// <summary>Seeds a new cast with its own club, so tests sharing one database never touch each other's rows.</summary>
    public static async Task<ClubCast> SeedClubCastAsync(this CoreHarness core)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var president = await core.AddUserAsync("김회장");
        var club = await core.CreateClubAsync(president.Id, $"club-{suffix}");
        var otherPresident = await core.AddUserAsync("박회장");
        var otherClub = await core.CreateClubAsync(otherPresident.Id, $"other-{suffix}", "다른 동아리");

        async Task<CastMember> Add(string name, ClubRole role, long clubId)
        {
            var user = await core.AddUserAsync(name);
            var membership = await core.AddMembershipAsync(clubId, user.Id, role);
            return new CastMember(user.Id, membership.Id);
        }

        await using var db = await core.DbAsync();
        var presidentMembershipId = await db.Memberships
            .Where(m => m.ClubId == club.Id && m.UserId == president.Id)
            .Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        return new ClubCast(
            club.Id,
            new CastMember(president.Id, presidentMembershipId),
            await Add("이부회장", ClubRole.VicePresident, club.Id),
            await Add("최총무", ClubRole.Secretary, club.Id),
            await Add("정임원", ClubRole.Officer, club.Id),
            await Add("강회원", ClubRole.Member, club.Id),
            (await core.AddUserAsync("윤학생")).Id,
            otherClub.Id,
            await Add("조임원", ClubRole.Officer, otherClub.Id));
    }
}
