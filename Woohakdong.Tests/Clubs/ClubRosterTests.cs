using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

public abstract class ClubRosterTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task Creating_a_club_makes_the_creator_its_president_this_term()
    {
        var creator = await Core.AddUserAsync("김회장");
        var englishName = $"Roster{Guid.NewGuid():N}"[..16];

        var club = await Core.CreateClubAsync(creator.Id, englishName);

        Assert.Equal((englishName.ToLowerInvariant(), 1), (club.EnglishName, club.MemberCount));
        Core.ActAs(creator.Id);
        var mine = Assert.Single(await Core.Get<ClubQueries>().MineAsync(Ct));
        Assert.Equal(new MyClubView(club.Id, club.Name, club.EnglishName, ClubRole.President, Core.CurrentTerm.Key), mine);
        var roster = await Core.Get<RosterService>().GetAsync(club.Id, new RosterQuery(), Ct);
        Assert.Equal((creator.Id, ClubRole.President), (roster.Single().UserId, roster.Single().Role));
    }

    [Fact]
    public async Task The_chat_link_is_shown_to_members_only()
    {
        var cast = await Core.SeedClubCastAsync();
        var queries = Core.Get<ClubQueries>();

        Core.ActAs(cast.Member.UserId);
        Assert.Equal(ClubInputs.Valid().ChatLink, (await queries.GetAsync(cast.ClubId, Ct)).ChatLink);
        Core.ActAs(cast.Student);
        Assert.Null((await queries.GetAsync(cast.ClubId, Ct)).ChatLink);
        Core.ActAs(null);
        Assert.Null((await queries.GetAsync(cast.ClubId, Ct)).ChatLink);
    }

    [Fact]
    public async Task The_roster_lists_this_terms_members_by_rank_with_their_profiles()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        var roster = await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(), Ct);

        Assert.Equal(
            [cast.President.UserId, cast.VicePresident.UserId, cast.Secretary.UserId, cast.Officer.UserId, cast.Member.UserId],
            roster.Select(e => e.UserId));
        Assert.Equal(
            [ClubRole.President, ClubRole.VicePresident, ClubRole.Secretary, ClubRole.Officer, ClubRole.Member],
            roster.Select(e => e.Role));
        await using var db = await Core.DbAsync();
        var user = await db.Users.FindAsync([cast.Member.UserId], Ct);
        var member = roster[^1];
        Assert.Equal(
            (cast.Member.MembershipId, user!.DisplayName, user.Email, user.School, user.Major, user.StudentNumber, user.Phone, Core.CurrentTerm.Key),
            (member.MembershipId, member.Name, member.Email, member.School, member.Major, member.StudentNumber, member.Phone, member.TermKey));
    }

    [Fact]
    public async Task The_roster_of_an_earlier_term_lists_that_terms_members_only()
    {
        var cast = await Core.SeedClubCastAsync();
        var alumnus = await Core.AddUserAsync("옛회원");
        var lastTerm = Core.CurrentTerm.Previous;
        await Core.AddMembershipAsync(cast.ClubId, alumnus.Id, ClubRole.Member, lastTerm);
        Core.ActAs(cast.Officer.UserId);
        var rosters = Core.Get<RosterService>();

        var earlier = await rosters.GetAsync(cast.ClubId, new RosterQuery(lastTerm.Key), Ct);
        var current = await rosters.GetAsync(cast.ClubId, new RosterQuery(), Ct);

        Assert.Equal(alumnus.Id, Assert.Single(earlier).UserId);
        Assert.DoesNotContain(current, e => e.UserId == alumnus.Id);
        Assert.Equal([Core.CurrentTerm, lastTerm], await rosters.TermsAsync(cast.ClubId, Ct));
    }

    [Theory]
    [InlineData("부회장")]
    [InlineData("  이부회장 ")]
    public async Task The_roster_can_be_searched_by_name(string search)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.Secretary.UserId);

        var found = await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(Search: search), Ct);

        Assert.Equal(cast.VicePresident.UserId, Assert.Single(found).UserId);
    }

    [Fact]
    public async Task The_roster_can_be_searched_by_email_in_any_case()
    {
        var cast = await Core.SeedClubCastAsync();
        await using var db = await Core.DbAsync();
        var email = (await db.Users.FindAsync([cast.Member.UserId], Ct))!.Email!;
        Core.ActAs(cast.President.UserId);

        var found = await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(Search: email.ToUpperInvariant()), Ct);

        Assert.Equal(cast.Member.UserId, Assert.Single(found).UserId);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Search_wildcards_are_matched_literally(string search)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        Assert.Empty(await Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery(Search: search), Ct));
        Assert.Empty(await Core.Get<ClubQueries>().SearchAsync(search, Ct));
    }

    [Fact]
    public async Task A_malformed_term_is_invalid_input()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.InvalidInput,
            () => Core.Get<RosterService>().GetAsync(cast.ClubId, new RosterQuery("2026-3"), Ct));

        Assert.Equal("term", error.Field);
    }

    [Fact]
    public async Task Clubs_can_be_found_by_korean_or_english_name()
    {
        var president = await Core.AddUserAsync("김회장");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var club = await Core.CreateClubAsync(president.Id, $"search-{tag}", $"검색 동아리 {tag}");
        var queries = Core.Get<ClubQueries>();

        Assert.Equal(club.Id, Assert.Single(await queries.SearchAsync($"동아리 {tag}", Ct)).Id);
        Assert.Equal(club.Id, Assert.Single(await queries.SearchAsync($"SEARCH-{tag.ToUpperInvariant()}", Ct)).Id);
        Assert.Empty(await queries.SearchAsync($"없는-{tag}", Ct));
    }

    [Fact]
    public async Task A_search_typed_with_decomposed_hangul_finds_the_club_named_in_composed_hangul()
    {
        var president = await Core.AddUserAsync("김회장");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var club = await Core.CreateClubAsync(president.Id, $"nfc-{tag}", $"사진 동아리 {tag}");
        var decomposed = $"사진 동아리 {tag}".Normalize(System.Text.NormalizationForm.FormD);

        Assert.NotEqual($"사진 동아리 {tag}", decomposed);
        Assert.Equal(club.Id, Assert.Single(await Core.Get<ClubQueries>().SearchAsync(decomposed, Ct)).Id);
    }
}

public sealed class ClubRosterTestsOnSqlite(SqliteCore core) : ClubRosterTests<SqliteCore>(core);

public sealed class ClubRosterTestsOnPostgres(PostgresCore core) : ClubRosterTests<PostgresCore>(core);
