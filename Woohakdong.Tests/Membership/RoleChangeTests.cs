using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Membership;

public abstract class RoleChangeTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task The_president_makes_a_member_secretary()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Secretary, Ct);

        Assert.Equal(ClubRole.Secretary, await RoleAsync(cast.Member.MembershipId));
    }

    [Theory]
    [InlineData(Caller.President, ErrorKind.Conflict, ErrorCodes.UsePresidencyHandover)]
    [InlineData(Caller.VicePresident, ErrorKind.Forbidden, ErrorCodes.Forbidden)]
    [InlineData(Caller.Officer, ErrorKind.Forbidden, ErrorCodes.Forbidden)]
    [InlineData(Caller.Member, ErrorKind.Forbidden, ErrorCodes.Forbidden)]
    public async Task Nobody_makes_a_president_through_a_role_change(Caller caller, ErrorKind kind, string code)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.UserOf(caller));

        await Refusal.ThrowsAsync(kind, code,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.VicePresident.MembershipId, ClubRole.President, Ct));

        Assert.Equal(ClubRole.VicePresident, await RoleAsync(cast.VicePresident.MembershipId));
    }

    [Fact]
    public async Task The_presidents_own_role_cannot_be_changed()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.PresidentRoleProtected,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.President.MembershipId, ClubRole.Member, Ct));

        Assert.Equal(ClubRole.President, await RoleAsync(cast.President.MembershipId));
    }

    [Fact]
    public async Task The_president_cannot_be_removed()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.PresidentRoleProtected,
            () => Core.Get<MemberManagement>().RemoveAsync(cast.ClubId, cast.President.MembershipId, Ct));

        Assert.Equal(ClubRole.President, await RoleAsync(cast.President.MembershipId));
    }

    [Fact]
    public async Task The_president_removes_a_member_from_this_terms_roster()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().RemoveAsync(cast.ClubId, cast.Member.MembershipId, Ct);

        var roster = await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);
        Assert.DoesNotContain(roster, e => e.UserId == cast.Member.UserId);
        Assert.Equal(4, roster.Count);
    }

    [Fact]
    public async Task A_role_outside_the_known_roles_is_invalid_input()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.InvalidInput,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, (ClubRole)42, Ct));
    }

    [Fact]
    public async Task A_membership_of_another_club_cannot_be_changed_through_this_club()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.MemberNotFound,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.OfficerOfAnotherClub.MembershipId, ClubRole.Member, Ct));

        Assert.Equal(ClubRole.Officer, await RoleAsync(cast.OfficerOfAnotherClub.MembershipId));
    }

    private async Task<ClubRole> RoleAsync(long membershipId)
    {
        await using var db = await Core.DbAsync();
        return await db.Memberships.Where(m => m.Id == membershipId).Select(m => m.Role).SingleAsync(Ct);
    }
}

public sealed class RoleChangeTestsOnSqlite(SqliteCore core) : RoleChangeTests<SqliteCore>(core);

public sealed class RoleChangeTestsOnPostgres(PostgresCore core) : RoleChangeTests<PostgresCore>(core);
