using System.Net;
using System.Net.Http.Json;
using System.Text;
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
}
