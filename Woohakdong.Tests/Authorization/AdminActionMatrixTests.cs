using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Authorization;

public enum AdminAction
{
    EditClub,
    ViewRoster,
    ListRosterTerms,
    ChangeRole,
    RemoveMember,
    HandOverPresidency,
}

/// <summary>Every admin service checks the caller's role itself: who may do what, straight against the services.</summary>
public abstract class AdminActionMatrixTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    private static readonly Caller[] Outsiders = [Caller.Anonymous, Caller.Student, Caller.Member, Caller.OfficerOfAnotherClub];
    private static readonly Caller[] Officers = [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];

    private static IEnumerable<Caller> AllowedFor(AdminAction action) => action switch
    {
        AdminAction.EditClub or AdminAction.ViewRoster or AdminAction.ListRosterTerms => Officers,
        _ => [Caller.President],
    };

    public static TheoryData<AdminAction, Caller, ErrorKind> Refused()
    {
        var rows = new TheoryData<AdminAction, Caller, ErrorKind>();
        foreach (var action in Enum.GetValues<AdminAction>())
            foreach (var caller in Outsiders.Concat(Officers).Except(AllowedFor(action)))
                rows.Add(action, caller, caller == Caller.Anonymous ? ErrorKind.Unauthorized : ErrorKind.Forbidden);
        return rows;
    }

    public static TheoryData<AdminAction, Caller> Allowed()
    {
        var rows = new TheoryData<AdminAction, Caller>();
        foreach (var action in Enum.GetValues<AdminAction>())
            foreach (var caller in AllowedFor(action))
                rows.Add(action, caller);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_without_the_role_are_refused_and_change_nothing(AdminAction action, Caller caller, ErrorKind kind)
    {
        var cast = await Core.SeedClubCastAsync();
        var before = await SnapshotAsync(cast.ClubId);
        Core.ActAs(cast.UserOf(caller));

        await Refusal.ThrowsAsync(kind, Refusal.CodeOf(kind), () => PerformAsync(action, cast));

        var after = await SnapshotAsync(cast.ClubId);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Roles, after.Roles);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Callers_with_the_role_are_allowed(AdminAction action, Caller caller)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.UserOf(caller));

        await PerformAsync(action, cast);

        await AssertDoneAsync(action, cast);
    }

    [Theory]
    [InlineData(Caller.Officer)]
    [InlineData(Caller.VicePresident)]
    public async Task Officers_cannot_change_the_presidents_role(Caller caller)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.UserOf(caller));

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.President.MembershipId, ClubRole.Member, Ct));
    }

    [Theory]
    [InlineData(AdminAction.EditClub)]
    [InlineData(AdminAction.ViewRoster)]
    [InlineData(AdminAction.RemoveMember)]
    public async Task An_unknown_club_is_not_found(AdminAction action)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ClubNotFound, () => PerformAsync(action, cast with { ClubId = long.MaxValue }));
    }

    private Task PerformAsync(AdminAction action, ClubCast cast) => action switch
    {
        AdminAction.EditClub => Core.Get<ClubService>().UpdateAsync(cast.ClubId, ClubInputs.Valid("바뀐 이름", $"edited-{cast.ClubId}"), Ct),
        AdminAction.ViewRoster => Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct),
        AdminAction.ListRosterTerms => Core.Get<RosterService>().TermsAsync(cast.ClubId, Ct),
        AdminAction.ChangeRole => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Secretary, Ct),
        AdminAction.RemoveMember => Core.Get<MemberManagement>().RemoveAsync(cast.ClubId, cast.Member.MembershipId, Ct),
        AdminAction.HandOverPresidency => Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.Member.MembershipId, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private async Task AssertDoneAsync(AdminAction action, ClubCast cast)
    {
        var after = await SnapshotAsync(cast.ClubId);
        var memberRole = after.Roles.Where(r => r.UserId == cast.Member.UserId).Select(r => (ClubRole?)r.Role).SingleOrDefault();
        switch (action)
        {
            case AdminAction.EditClub:
                Assert.Equal("바뀐 이름", after.Name);
                break;
            case AdminAction.ViewRoster:
                Assert.Equal(5, (await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct)).Count);
                break;
            case AdminAction.ListRosterTerms:
                Assert.Equal([Core.CurrentTerm], await Core.Get<RosterService>().TermsAsync(cast.ClubId, Ct));
                break;
            case AdminAction.ChangeRole:
                Assert.Equal(ClubRole.Secretary, memberRole);
                break;
            case AdminAction.RemoveMember:
                Assert.Null(memberRole);
                break;
            case AdminAction.HandOverPresidency:
                Assert.Equal(ClubRole.President, memberRole);
                Assert.Equal(ClubRole.Officer, after.Roles.Single(r => r.UserId == cast.President.UserId).Role);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private sealed record Snapshot(string Name, IReadOnlyList<(Guid UserId, ClubRole Role)> Roles);

    private async Task<Snapshot> SnapshotAsync(long clubId)
    {
        await using var db = await Core.DbAsync();
        var name = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.Name).SingleAsync(Ct);
        var roles = await db.Memberships.Where(m => m.ClubId == clubId).OrderBy(m => m.Id)
            .Select(m => new { m.UserId, m.Role }).ToListAsync(Ct);
        return new Snapshot(name, roles.Select(r => (r.UserId, r.Role)).ToList());
    }
}

public sealed class AdminActionMatrixTestsOnSqlite(SqliteCore core) : AdminActionMatrixTests<SqliteCore>(core);

public sealed class AdminActionMatrixTestsOnPostgres(PostgresCore core) : AdminActionMatrixTests<PostgresCore>(core);
