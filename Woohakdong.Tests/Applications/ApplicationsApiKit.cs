using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;

namespace Woohakdong.Tests.Applications;

/// <summary>The cast of <see cref="RecordsApiKit"/> with its club's group recruiting by application (free, 50 seats) and a form.</summary>
public sealed record ApplicationsCast(ApiCast Cast, long GroupId, long[] QuestionIds)
{
    public object Answers => new { answers = new object[] { new { questionId = QuestionIds[0], text = "음악이 좋아서" }, new { questionId = QuestionIds[1], choices = new[] { "기타" } } } };
}

public sealed class ApplicationsApp : AppFactoryBase
{
    private readonly Lazy<Task<ApplicationsCast>> cast;

    public ApplicationsApp() : base(Core.Data.DatabaseProvider.Sqlite, seedDemo: false) => cast = new(() => this.SeedApplicationsCastAsync());

    public Task<ApplicationsCast> CastAsync() => cast.Value;
}

public static class ApplicationsApiKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly object[] Questions =
    [
        new { type = "SHORT_TEXT", title = "지원 동기", required = true },
        new { type = "SINGLE_CHOICE", title = "악기", required = true, options = new[] { "기타", "피아노" } },
    ];

    public static async Task<ApplicationsCast> SeedApplicationsCastAsync(this AppFactoryBase app, long amount = 0)
    {
        var cast = await app.SeedApiCastAsync();
        // The two outsiders may apply: their profiles are complete.
        foreach (var outsider in new[] { Caller.Student, Caller.OfficerOfAnotherClub }) await CompleteProfileAsync(cast[outsider]);
        var president = cast[Caller.President];
        var group = await president.GetFromJsonAsync<JsonElement>($"/v1/clubs/{cast.ClubId}/join", Ct);
        var groupId = group.GetProperty("groupId").GetInt64();
        (await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 50, amount }, Ct)).EnsureSuccessStatusCode();
        using var saved = await president.PutAsJsonAsync($"/v1/groups/{groupId}/form", new { policy = "APPLICATION", questions = Questions }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var form = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new ApplicationsCast(cast, groupId, [.. form.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetInt64())]);
    }

    /// <summary>A new signed-in student with a complete profile.</summary>
    public static async Task<HttpClient> ApplicantAsync(this AppFactoryBase app)
    {
        var account = await app.SignUpAsync();
        await CompleteProfileAsync(account.Client);
        return account.Client;
    }

    public static async Task CompleteProfileAsync(HttpClient client) =>
        (await client.PutAsJsonAsync("/v1/me/profile",
            new { name = "한지원", school = "우학대학교", major = "경영학과", studentNumber = "20261234", phone = "010-1234-5678" }, Ct)).EnsureSuccessStatusCode();

    /// <summary>A new applicant's application to the cast's group: the applicant's client and the application's id.</summary>
    public static async Task<(HttpClient Applicant, long ApplicationId)> ApplyAsync(this AppFactoryBase app, ApplicationsCast on)
    {
        var applicant = await app.ApplicantAsync();
        using var response = await applicant.PostAsJsonAsync($"/v1/groups/{on.GroupId}/applications", on.Answers, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (applicant, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("applicationId").GetInt64());
    }
}
