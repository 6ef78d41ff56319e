using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

public abstract class DuplicateEnglishNameTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Theory]
    [InlineData("photo", "photo")]
    [InlineData("Photo", "photo")]
    [InlineData("photo", "PHOTO")]
    public async Task A_second_club_cannot_take_an_english_name_in_any_case(string first, string second)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Core.CreateClubAsync((await Core.AddUserAsync("김회장")).Id, first + tag);
        Core.ActAs((await Core.AddUserAsync("박회장")).Id);

        var error = await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.DuplicateEnglishName,
            () => Core.Get<ClubService>().CreateAsync(ClubInputs.Valid("다른 사진부", second + tag), Ct));

        Assert.Equal("englishName", error.Field);
    }

    [Fact]
    public async Task A_club_cannot_be_renamed_to_another_clubs_english_name()
    {
        var cast = await Core.SeedClubCastAsync();
        var taken = (await Core.Get<ClubQueries>().GetAsync(cast.OtherClubId, Ct)).EnglishName;
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.DuplicateEnglishName,
            () => Core.Get<ClubService>().UpdateAsync(cast.ClubId, ClubInputs.Valid(englishName: taken.ToUpperInvariant()), Ct));
    }

    [Fact]
    public async Task A_club_keeps_its_own_english_name_when_edited()
    {
        var cast = await Core.SeedClubCastAsync();
        var own = (await Core.Get<ClubQueries>().GetAsync(cast.ClubId, Ct)).EnglishName;
        Core.ActAs(cast.President.UserId);

        var edited = await Core.Get<ClubService>().UpdateAsync(cast.ClubId, ClubInputs.Valid("새 이름", own), Ct);

        Assert.Equal(("새 이름", own), (edited.Name, edited.EnglishName));
    }
}

public sealed class DuplicateEnglishNameTestsOnSqlite(SqliteCore core) : DuplicateEnglishNameTests<SqliteCore>(core);

public sealed class DuplicateEnglishNameTestsOnPostgres(PostgresCore core) : DuplicateEnglishNameTests<PostgresCore>(core);
