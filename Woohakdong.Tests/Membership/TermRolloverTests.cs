using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Membership;

/// <summary>Each test has a harness of its own: it moves the clock across the 09-01 boundary in Korea.</summary>
public abstract class TermRolloverTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset LastMomentOfSpring = CoreHarness.Kst(2026, 8, 31, 23, 59, 59);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CoreHarness core = null!;
    private ClubCast cast = null!;

    public async ValueTask InitializeAsync()
    {
        core = await CoreHarness.StartAsync(provider);
        core.SetNow(LastMomentOfSpring);
        cast = await core.SeedClubCastAsync();
        core.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync()
    {
        await core.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Officers_carry_over_into_the_fall_term_with_their_roles_and_members_do_not()
    {
        core.ActAs(cast.President.UserId);

        var roster = await core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);

        Assert.Equal("2026-2", core.CurrentTerm.Key);
        Assert.All(roster, entry => Assert.Equal("2026-2", entry.TermKey));
        Assert.Equal(
            [(cast.President.UserId, ClubRole.President), (cast.VicePresident.UserId, ClubRole.VicePresident),
             (cast.Secretary.UserId, ClubRole.Secretary), (cast.Officer.UserId, ClubRole.Officer)],
            roster.Select(e => (e.UserId, e.Role)));
    }

    [Fact]
    public async Task Last_terms_plain_member_has_no_role_in_the_new_term()
    {
        core.ActAs(cast.Member.UserId);

        Assert.Null(await core.Get<ClubAccess>().RoleAsync(cast.ClubId, Ct));
        Assert.Empty(await core.Get<ClubQueries>().MineAsync(Ct));
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct));
    }

    [Fact]
    public async Task The_presidents_first_visit_of_the_new_term_still_lists_the_club_under_my_clubs()
    {
        core.ActAs(cast.President.UserId);

        var mine = await core.Get<ClubQueries>().MineAsync(Ct);

        Assert.Equal((cast.ClubId, ClubRole.President, "2026-2"), (mine.Single().Id, mine.Single().Role, mine.Single().TermKey));
    }

    [Fact]
    public async Task The_spring_roster_stays_as_it_was()
    {
        core.ActAs(cast.Officer.UserId);
        var rosters = core.Get<RosterService>();

        var spring = await rosters.GetAsync(cast.ClubId, new RosterQuery("2026-1"), Ct);

        Assert.Equal(5, spring.Count);
        Assert.Equal([new Term(2026, Semester.Fall), new Term(2026, Semester.Spring)], await rosters.TermsAsync(cast.ClubId, Ct));
    }

    [Fact]
    public async Task Officers_carry_over_from_the_latest_term_even_after_a_term_without_visits()
    {
        core.SetNow(CoreHarness.Kst(2027, 3, 1));
        core.ActAs(cast.Secretary.UserId);

        var roster = await core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);

        Assert.Equal(4, roster.Count);
        Assert.All(roster, entry => Assert.Equal("2027-1", entry.TermKey));
        Assert.DoesNotContain(roster, entry => entry.UserId == cast.Member.UserId);
    }

    [Fact]
    public async Task Officers_arriving_together_on_the_first_day_carry_the_term_over_once()
    {
        core.ActAs(cast.Officer.UserId);
        var access = core.Get<ClubAccess>();

        var roles = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => access.RoleAsync(cast.ClubId, Ct)));

        Assert.All(roles, role => Assert.Equal(ClubRole.Officer, role));
        await using var db = await core.DbAsync();
        Assert.Equal(4, await db.Memberships.CountAsync(m => m.ClubId == cast.ClubId && m.TermKey == "2026-2", Ct));
    }

    [Fact]
    public async Task Officers_still_carry_over_when_a_student_joined_the_new_term_first()
    {
        var newcomer = await core.AddUserAsync("신입생");
        await core.AddMembershipAsync(cast.ClubId, newcomer.Id, ClubRole.Member, core.CurrentTerm);
        core.ActAs(cast.President.UserId);

        var roster = await core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);

        Assert.Equal(5, roster.Count);
        Assert.Contains(roster, entry => entry.UserId == cast.President.UserId && entry.Role == ClubRole.President);
        Assert.Contains(roster, entry => entry.UserId == newcomer.Id && entry.Role == ClubRole.Member);
    }

    [Fact]
    public async Task Rolling_over_again_adds_no_rows()
    {
        core.ActAs(cast.President.UserId);
        await core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);
        var fall = new Term(2026, Semester.Fall);

        await core.Get<ClubQueries>().MineAsync(Ct);
        core.ActAs(cast.Officer.UserId);
        await core.Get<ClubAccess>().RoleAsync(cast.ClubId, Ct);
        await using (var db = await core.DbAsync())
            await core.Get<TermRollover>().EnsureAsync(db, cast.ClubId, fall, Ct);

        await using var check = await core.DbAsync();
        Assert.Equal(4, await check.Memberships.CountAsync(m => m.ClubId == cast.ClubId && m.TermKey == fall.Key, Ct));
        Assert.Equal(5, await check.Memberships.CountAsync(m => m.ClubId == cast.ClubId && m.TermKey == "2026-1", Ct));
    }
}

public sealed class TermRolloverTestsOnSqlite() : TermRolloverTests(DatabaseProvider.Sqlite);

public sealed class TermRolloverTestsOnPostgres() : TermRolloverTests(DatabaseProvider.Postgres);
