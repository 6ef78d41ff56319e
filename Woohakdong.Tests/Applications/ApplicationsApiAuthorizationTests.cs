using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Applications;

public enum ApplicationsEndpoint
{
    GetForm,
    SaveForm,
    Submit,
    Queue,
    Mine,
    GetApplication,
    EditApplication,
    Withdraw,
    Decide,
    DecideMany,
    Memo,
}

/// <summary>
/// Who may call each applications endpoint: every role, a student, another club's officer, anonymous. Someone else's
/// application is not found for a student or member (its existence is not theirs to learn); officers' endpoints are forbidden.
/// </summary>
public sealed class ApplicationsApiAuthorizationTests(ApplicationsApp app) : IClassFixture<ApplicationsApp>, IAsyncLifetime
{
    private static readonly Caller[] Callers =
        [Caller.Anonymous, Caller.Student, Caller.OfficerOfAnotherClub, Caller.Member, Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private static readonly Caller[] Officers = [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private ApplicationsCast on = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => on = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IEnumerable<Caller> AllowedFor(ApplicationsEndpoint endpoint) => endpoint switch
    {
        ApplicationsEndpoint.GetForm => Callers,
        ApplicationsEndpoint.Mine => Callers.Except([Caller.Anonymous]),
        // Applying is for anyone signed in who is not yet a member (members are refused ALREADY_MEMBER, past the role check).
        ApplicationsEndpoint.Submit => [Caller.Student, Caller.OfficerOfAnotherClub],
        // Only the applicant edits or withdraws (The_applicant_edits_reads_and_withdraws_their_own): for everyone else it is not found.
        ApplicationsEndpoint.EditApplication or ApplicationsEndpoint.Withdraw => [],
        _ => Officers,
    };

    public static TheoryData<ApplicationsEndpoint, Caller> Refused()
    {
        var rows = new TheoryData<ApplicationsEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<ApplicationsEndpoint>())
            foreach (var caller in Callers.Except(AllowedFor(endpoint)))
                rows.Add(endpoint, caller);
        return rows;
    }

    public static TheoryData<ApplicationsEndpoint, Caller> Allowed()
    {
        var rows = new TheoryData<ApplicationsEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<ApplicationsEndpoint>())
            foreach (var caller in AllowedFor(endpoint))
                rows.Add(endpoint, caller);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_without_the_right_are_refused(ApplicationsEndpoint endpoint, Caller caller)
    {
        using var response = await CallAsync(endpoint, caller);

        if (caller == Caller.Anonymous) await response.IsProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        else if (endpoint == ApplicationsEndpoint.Submit) await response.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.AlreadyMember);
        else if (endpoint is ApplicationsEndpoint.GetApplication or ApplicationsEndpoint.EditApplication or ApplicationsEndpoint.Withdraw)
            await response.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.ApplicationNotFound);
        else await response.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Callers_with_the_right_are_allowed(ApplicationsEndpoint endpoint, Caller caller)
    {
        using var response = await CallAsync(endpoint, caller);

        switch (endpoint)
        {
            case ApplicationsEndpoint.Submit:
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                break;
            case ApplicationsEndpoint.Memo:
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
        }
    }

    [Fact]
    public async Task The_applicant_edits_reads_and_withdraws_their_own()
    {
        var (applicant, applicationId) = await app.ApplyAsync(on);

        Assert.Equal(HttpStatusCode.OK, (await applicant.PutAsJsonAsync($"/v1/applications/{applicationId}", on.Answers, Ct)).StatusCode);
        var own = await applicant.GetFromJsonAsync<JsonElement>($"/v1/applications/{applicationId}", Ct);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("memo").ValueKind);
        var withdrawn = await applicant.PostAsync($"/v1/applications/{applicationId}/withdraw", null, Ct);
        Assert.Equal("WITHDRAWN", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    private async Task<HttpResponseMessage> CallAsync(ApplicationsEndpoint endpoint, Caller caller)
    {
        var client = on.Cast[caller];
        var group = $"/v1/groups/{on.GroupId}";
        async Task<string> Fresh() => $"/v1/applications/{(await app.ApplyAsync(on)).ApplicationId}";
        return endpoint switch
        {
            ApplicationsEndpoint.GetForm => await client.GetAsync($"{group}/form", Ct),
            ApplicationsEndpoint.SaveForm => await client.PutAsJsonAsync($"{group}/form", new { policy = "APPLICATION", questions = FormOf(on) }, Ct),
            ApplicationsEndpoint.Submit => await client.PostAsJsonAsync($"{group}/applications", on.Answers, Ct),
            ApplicationsEndpoint.Queue => await client.GetAsync($"{group}/applications?status=SUBMITTED", Ct),
            ApplicationsEndpoint.Mine => await client.GetAsync("/v1/me/applications", Ct),
            ApplicationsEndpoint.GetApplication => await client.GetAsync(await Fresh(), Ct),
            ApplicationsEndpoint.EditApplication => await client.PutAsJsonAsync(await Fresh(), on.Answers, Ct),
            ApplicationsEndpoint.Withdraw => await client.PostAsync($"{await Fresh()}/withdraw", null, Ct),
            ApplicationsEndpoint.Decide => await client.PostAsJsonAsync($"{await Fresh()}/decision", new { decision = "INTERVIEW", message = "금요일 6시 동아리방" }, Ct),
            ApplicationsEndpoint.DecideMany => await client.PostAsJsonAsync("/v1/applications/decisions",
                new { applicationIds = new[] { long.Parse((await Fresh())[(("/v1/applications/").Length)..]) }, decision = "REJECT" }, Ct),
            ApplicationsEndpoint.Memo => await client.PutAsJsonAsync($"{await Fresh()}/memo", new { memo = "면접 때 물어볼 것" }, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    /// <summary>The cast's own questions, unchanged (a save by each officer must keep their answers valid).</summary>
    private static object[] FormOf(ApplicationsCast on) =>
    [
        new { id = on.QuestionIds[0], type = "SHORT_TEXT", title = "지원 동기", required = true },
        new { id = on.QuestionIds[1], type = "SINGLE_CHOICE", title = "악기", required = true, options = new[] { "기타", "피아노" } },
    ];
}
