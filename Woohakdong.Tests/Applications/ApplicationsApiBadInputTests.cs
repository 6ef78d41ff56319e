using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Applications;

/// <summary>The bad input over /v1, each answered with its problem code.</summary>
public sealed class ApplicationsApiBadInputTests(ApplicationsApp app) : IClassFixture<ApplicationsApp>, IAsyncLifetime
{
    private ApplicationsCast on = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => on = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<HttpResponseMessage> SubmitAsync(object body, long? groupId = null) =>
        await (await app.ApplicantAsync()).PostAsJsonAsync($"/v1/groups/{groupId ?? on.GroupId}/applications", body, Ct);

    private object Body(object first, object? second = null) => new { answers = second is null ? new[] { first } : [first, second] };

    private object Instrument(string choice) => new { questionId = on.QuestionIds[1], choices = new[] { choice } };

    [Fact]
    public async Task Answers_to_another_groups_questions_are_invalid()
    {
        var other = await app.SeedApplicationsCastAsync();

        using var response = await SubmitAsync(Body(new { questionId = other.QuestionIds[0], text = "동기" }, Instrument("기타")));

        await response.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.InvalidAnswer, $"question:{other.QuestionIds[0]}");
    }

    [Fact]
    public async Task A_choice_not_offered_is_invalid() =>
        await (await SubmitAsync(Body(new { questionId = on.QuestionIds[0], text = "동기" }, Instrument("바이올린"))))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.InvalidAnswer, $"question:{on.QuestionIds[1]}");

    [Fact]
    public async Task A_missing_required_answer_names_the_question() =>
        await (await SubmitAsync(Body(Instrument("기타"))))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.AnswerRequired, $"question:{on.QuestionIds[0]}");

    [Fact]
    public async Task Ten_thousand_characters_in_a_short_answer_are_too_long() =>
        await (await SubmitAsync(Body(new { questionId = on.QuestionIds[0], text = new string('가', 10_000) }, Instrument("기타"))))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.AnswerTooLong, $"question:{on.QuestionIds[0]}");

    [Fact]
    public async Task Answers_are_required_in_the_body() =>
        await (await SubmitAsync(new { })).IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.FieldRequired, "answers");

    [Fact]
    public async Task Applying_after_closesAt_is_refused_by_the_clock_while_the_switch_is_on()
    {
        var closed = await app.SeedApplicationsCastAsync();
        var now = DateTimeOffset.UtcNow;
        (await closed.Cast[Caller.President].PutAsJsonAsync($"/v1/groups/{closed.GroupId}/form",
            new { policy = "APPLICATION", opensAt = now.AddDays(-7), closesAt = now.AddMinutes(-1), questions = ApplicationsApiKit.Questions }, Ct))
            .EnsureSuccessStatusCode();
        var join = await closed.Cast[Caller.President].GetFromJsonAsync<JsonElement>($"/v1/clubs/{closed.Cast.ClubId}/join", Ct);
        Assert.True(join.GetProperty("recruiting").GetBoolean());
        Assert.False(join.GetProperty("open").GetBoolean());

        await (await SubmitAsync(closed.Answers, closed.GroupId)).IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.NotRecruiting);
    }

    [Fact]
    public async Task ClosesAt_before_opensAt_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        using var response = await on.Cast[Caller.President].PutAsJsonAsync($"/v1/groups/{on.GroupId}/form",
            new { policy = "APPLICATION", opensAt = now, closesAt = now.AddDays(-1), questions = ApplicationsApiKit.Questions }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.RecruitmentPeriodInvalid, "closesAt");
    }

    [Fact]
    public async Task Unknown_policy_type_and_decision_name_their_field()
    {
        var president = on.Cast[Caller.President];
        await (await president.PutAsJsonAsync($"/v1/groups/{on.GroupId}/form", new { policy = "LOTTERY", questions = Array.Empty<object>() }, Ct))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.JoinPolicyInvalid, "policy");
        await (await president.PutAsJsonAsync($"/v1/groups/{on.GroupId}/form",
                new { policy = "APPLICATION", questions = new[] { new { type = "ESSAY", title = "x" } } }, Ct))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.QuestionTypeInvalid, "type");
        var (_, applicationId) = await app.ApplyAsync(on);
        await (await president.PostAsJsonAsync($"/v1/applications/{applicationId}/decision", new { decision = "MAYBE" }, Ct))
            .IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.DecisionInvalid, "decision");
    }

    [Fact]
    public async Task A_decision_on_a_withdrawn_application_is_an_invalid_transition()
    {
        var (applicant, applicationId) = await app.ApplyAsync(on);
        (await applicant.PostAsync($"/v1/applications/{applicationId}/withdraw", null, Ct)).EnsureSuccessStatusCode();

        using var response = await on.Cast[Caller.Officer].PostAsJsonAsync($"/v1/applications/{applicationId}/decision", new { decision = "APPROVE" }, Ct);

        await response.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Approving_twice_is_an_invalid_transition()
    {
        var (applicant, applicationId) = await app.ApplyAsync(on);
        var officer = on.Cast[Caller.Officer];
        using var first = await officer.PostAsJsonAsync($"/v1/applications/{applicationId}/decision", new { decision = "APPROVE", message = "환영" }, Ct);
        Assert.Equal("JOINED", (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());

        using var second = await officer.PostAsJsonAsync($"/v1/applications/{applicationId}/decision", new { decision = "APPROVE" }, Ct);

        await second.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
        var mine = await applicant.GetFromJsonAsync<JsonElement>("/v1/me/applications", Ct);
        Assert.Equal(("JOINED", "환영"), (mine[0].GetProperty("status").GetString(), mine[0].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_first_come_join_of_an_application_group_answers_application_required()
    {
        using var response = await (await app.ApplicantAsync()).PostAsJsonAsync($"/v1/groups/{on.GroupId}/joins", new { }, Ct);

        await response.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.ApplicationRequired);
    }

    [Fact]
    public async Task A_second_application_answers_already_applied()
    {
        var (applicant, _) = await app.ApplyAsync(on);

        using var response = await applicant.PostAsJsonAsync($"/v1/groups/{on.GroupId}/applications", on.Answers, Ct);

        await response.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.AlreadyApplied);
    }
}
