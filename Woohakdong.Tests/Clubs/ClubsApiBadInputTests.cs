using System.Net;
using System.Net.Http.Json;
using System.Text;
using Woohakdong.Core.Clubs;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

public sealed class ClubsApiBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("photo", "photo")]
    [InlineData("photo", "Photo")]
    public async Task A_taken_english_name_is_a_409(string first, string second)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await (await app.SignUpAsync()).CreateClubAsync(first + tag);
        var other = await app.SignUpAsync();

        var response = await other.Client.PostAsJsonAsync("/v1/clubs", ClubInputs.Valid(englishName: second + tag), Ct);

        Assert.Equal("DUPLICATE_ENGLISH_NAME", await response.ProblemCodeAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_negative_fee_is_a_400_naming_the_field()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PostAsJsonAsync("/v1/clubs", ClubInputs.Valid(englishName: "fee-club") with { Fee = -1 }, Ct);

        Assert.Equal("FEE_NEGATIVE", await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Editing_an_unknown_club_is_a_404()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PutAsJsonAsync("/v1/clubs/424242", ClubInputs.Valid(), Ct);

        Assert.Equal("CLUB_NOT_FOUND", await response.ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_invalid_input()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PostAsync(
            "/v1/clubs", new StringContent("{\"name\": \"사진부\", \"fee\": ", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal("INVALID_INPUT", await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Creating_a_club_anonymously_is_unauthorized()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/clubs", ClubInputs.Valid(englishName: "anon-club"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Editing_a_paid_club_without_its_fee_is_a_400_naming_fee_and_keeps_the_fee()
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync($"paid-{Guid.NewGuid():N}"[..20]);
        var withoutFee = new { name = "바뀐 이름", englishName = club.EnglishName, description = "", room = "", chatLink = "", seatLimit = 30 };

        var response = await president.Client.PutAsJsonAsync($"/v1/clubs/{club.Id}", withoutFee, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "FIELD_REQUIRED", "fee");
        var kept = await president.Client.GetFromJsonAsync<ClubView>($"/v1/clubs/{club.Id}", Ct);
        Assert.Equal((club.Name, 10_000L), (kept!.Name, kept.Fee));
    }

    [Theory]
    [InlineData("name", "사진\u202Egnp.exe")]
    [InlineData("name", "사진\u0000부")]
    [InlineData("room", "학생회관\u001B[2J")]
    [InlineData("room", "학생회관\r\n304호")]
    [InlineData("description", "좋은\u2066동아리")]
    public async Task Control_or_bidi_characters_in_club_text_are_a_400_naming_the_field(string field, string text)
    {
        var president = await app.SignUpAsync();
        var club = new Dictionary<string, object>
        {
            ["name"] = "우학 사진부", ["englishName"] = $"text-{Guid.NewGuid():N}"[..20], ["description"] = "매주 출사", ["room"] = "304호",
            ["chatLink"] = "", ["fee"] = 0, ["seatLimit"] = 10,
        };
        club[field] = text;

        var response = await president.Client.PostAsJsonAsync("/v1/clubs", club, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "TEXT_CONTROL_CHARACTER", field);
    }
}
