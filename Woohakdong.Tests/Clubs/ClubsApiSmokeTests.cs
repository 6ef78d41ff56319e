using System.Net;
using System.Net.Http.Json;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

public sealed class ClubsApiSmokeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Unknown_club_id_is_a_404_problem_with_a_code()
    {
        var response = await app.CreateClient().GetAsync("/v1/clubs/424242", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        Assert.Equal("CLUB_NOT_FOUND", problem!["code"].ToString());
    }
}
