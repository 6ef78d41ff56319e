using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Events;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Authorization;

/// <summary>The same checks seen from an API client: bearer tokens, status codes and problem answers.</summary>
public sealed class ClubsApiAuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Caller> Outsiders => [Caller.Student, Caller.Member, Caller.OfficerOfAnotherClub];

    public static TheoryData<Caller> Officers => [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];

    [Fact]
    public async Task Editing_a_club_anonymously_is_unauthorized()
    {
        var (club, _, _) = await ClubWithCallerAsync(Caller.President);

        var response = await app.CreateClient().PutAsJsonAsync($"/v1/clubs/{club.Id}", Edit(club), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Editing_a_club_without_an_officer_role_is_forbidden(Caller caller)
    {
        var (club, _, client) = await ClubWithCallerAsync(caller);

        var response = await client.PutAsJsonAsync($"/v1/clubs/{club.Id}", Edit(club), Ct);

        Assert.Equal("FORBIDDEN", await response.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task Officers_and_above_edit_the_club(Caller caller)
    {
        var (club, _, client) = await ClubWithCallerAsync(caller);

        var response = await client.PutAsJsonAsync($"/v1/clubs/{club.Id}", Edit(club), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("바뀐 이름", (await response.Content.ReadFromJsonAsync<ClubView>(Ct))!.Name);
    }

    [Fact]
    public async Task Joining_a_waitlist_anonymously_is_unauthorized()
    {
        var (club, president, _) = await ClubWithCallerAsync(Caller.President);
        var eventId = await CreateEventAsync(club, president);

        var response = await app.CreateClient().PostAsync($"/v1/events/{eventId}/waitlist", null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Reading_a_waitlist_without_an_officer_role_is_forbidden(Caller caller)
    {
        var (club, president, client) = await ClubWithCallerAsync(caller);
        var eventId = await CreateEventAsync(club, president);

        var response = await client.GetAsync($"/v1/events/{eventId}/waitlist", Ct);

        Assert.Equal("FORBIDDEN", await response.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Theory]
    [MemberData(nameof(Officers))]
    public async Task Officers_and_above_read_the_waitlist(Caller caller)
    {
        var (club, president, client) = await ClubWithCallerAsync(caller);
        var eventId = await CreateEventAsync(club, president);

        var response = await client.GetAsync($"/v1/events/{eventId}/waitlist", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
    }

    [Fact]
    public async Task Reading_the_profile_anonymously_is_unauthorized()
    {
        var response = await app.CreateClient().GetAsync("/v1/me/profile", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_unauthorized()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");

        var response = await client.GetAsync("/v1/me/profile", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A fresh club, its president's client, and a signed-in client for <paramref name="caller"/> as seen from that club.</summary>
    private async Task<(ClubView Club, HttpClient President, HttpClient Client)> ClubWithCallerAsync(Caller caller)
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync($"api-{Guid.NewGuid():N}"[..20]);
        if (caller == Caller.President) return (club, president.Client, president.Client);
        var account = await app.SignUpAsync();
        switch (caller)
        {
            case Caller.Student:
                break;
            case Caller.OfficerOfAnotherClub:
                var otherClub = await (await app.SignUpAsync()).CreateClubAsync($"other-{Guid.NewGuid():N}"[..20]);
                await app.GrantRoleAsync(account, otherClub.Id, ClubRole.Officer);
                break;
            default:
                await app.GrantRoleAsync(account, club.Id, RoleOf(caller));
                break;
        }
        return (club, president.Client, account.Client);
    }

    private static async Task<long> CreateEventAsync(ClubView club, HttpClient president)
    {
        var created = await president.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", EventsApiTests.Body(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
    }

    private static ClubRole RoleOf(Caller caller) => caller switch
    {
        Caller.Member => ClubRole.Member,
        Caller.Officer => ClubRole.Officer,
        Caller.Secretary => ClubRole.Secretary,
        Caller.VicePresident => ClubRole.VicePresident,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static ClubInput Edit(ClubView club) => ClubInputs.Valid("바뀐 이름", club.EnglishName);
}
