using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Membership;

public abstract class PresidencyHandoverTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task The_successor_becomes_president_and_the_old_president_stays_on_as_officer()
    {
        var cast = await Core.SeedClubCastAsync();
        var clubBefore = await ClubRowAsync(cast.ClubId);
        var membershipsBefore = await MembershipRowsAsync(cast.ClubId);
        Core.Clock.Advance(TimeSpan.FromMinutes(5));
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.Member.MembershipId, Ct);

        var after = await MembershipRowsAsync(cast.ClubId);
        Assert.Equal(ClubRole.President, after[cast.Member.MembershipId].Role);
        Assert.Equal(ClubRole.Officer, after[cast.President.MembershipId].Role);
        var untouched = membershipsBefore.Keys.Except([cast.Member.MembershipId, cast.President.MembershipId]);
        Assert.All(untouched, id => Assert.Equal(membershipsBefore[id], after[id]));
        Assert.Equal(membershipsBefore.Keys.Order(), after.Keys.Order());
        Assert.Equal(clubBefore, await ClubRowAsync(cast.ClubId));
    }

    [Fact]
    public async Task After_a_handover_only_the_new_president_manages_members()
    {
        var cast = await Core.SeedClubCastAsync();
        var management = Core.Get<MemberManagement>();
        Core.ActAs(cast.President.UserId);
        await management.HandOverPresidencyAsync(cast.ClubId, cast.VicePresident.MembershipId, Ct);

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => management.ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Officer, Ct));
        Core.ActAs(cast.VicePresident.UserId);
        await management.ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Officer, Ct);

        Assert.Equal(ClubRole.Officer, (await MembershipRowsAsync(cast.ClubId))[cast.Member.MembershipId].Role);
    }

    [Fact]
    public async Task The_president_cannot_hand_over_to_themself()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.AlreadyPresident,
            () => Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.President.MembershipId, Ct));

        Assert.Equal(ClubRole.President, (await MembershipRowsAsync(cast.ClubId))[cast.President.MembershipId].Role);
    }

    [Fact]
    public async Task The_president_cannot_hand_over_to_a_member_of_another_club()
    {
        var cast = await Core.SeedClubCastAsync();
        var before = await MembershipRowsAsync(cast.ClubId);
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.MemberNotFound,
            () => Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.OfficerOfAnotherClub.MembershipId, Ct));

        Assert.Equal(before, await MembershipRowsAsync(cast.ClubId));
    }

    [Fact]
    public async Task The_president_cannot_hand_over_to_a_member_of_an_earlier_term()
    {
        var cast = await Core.SeedClubCastAsync();
        var alumnus = await Core.AddUserAsync("옛회원");
        var earlier = await Core.AddMembershipAsync(cast.ClubId, alumnus.Id, ClubRole.VicePresident, Core.CurrentTerm.Previous);
        var before = await MembershipRowsAsync(cast.ClubId);
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.MemberNotFound,
            () => Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, earlier.Id, Ct));

        Assert.Equal(before, await MembershipRowsAsync(cast.ClubId));
    }

    private sealed record MembershipRow(Guid UserId, string TermKey, ClubRole Role, DateTimeOffset UpdatedAt, Guid? UpdatedBy);

    private async Task<Dictionary<long, MembershipRow>> MembershipRowsAsync(long clubId)
    {
        await using var db = await Core.DbAsync();
        return await db.Memberships.Where(m => m.ClubId == clubId)
            .ToDictionaryAsync(m => m.Id, m => new MembershipRow(m.UserId, m.TermKey, m.Role, m.UpdatedAt, m.UpdatedBy), Ct);
    }

    private async Task<object> ClubRowAsync(long clubId)
    {
        await using var db = await Core.DbAsync();
        return await db.Clubs.Where(c => c.Id == clubId)
            .Select(c => new { c.Name, c.EnglishName, c.Description, c.Room, c.ChatLink, c.Fee, c.SeatLimit, c.UpdatedAt, c.UpdatedBy })
            .SingleAsync(Ct);
    }
}

public sealed class PresidencyHandoverTestsOnSqlite(SqliteCore core) : PresidencyHandoverTests<SqliteCore>(core);

public sealed class PresidencyHandoverTestsOnPostgres(PostgresCore core) : PresidencyHandoverTests<PostgresCore>(core);
