using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;

namespace Woohakdong.Web.Endpoints;

/// <summary>Joining by application under /v1: a group's form, applying, 내 지원서, the officers' queue and decisions.</summary>
public static class ApplicationsApi
{
    public sealed record QuestionRequest(
        long? Id, [property: Required] string? Type, [property: Required] string? Title, string? Description, bool? Required, List<string>? Options)
    {
        public QuestionInput ToInput() => new(
            Id, EnumNames.Parse<QuestionType>(Type, "type", ErrorCodes.QuestionTypeInvalid), Title, Description, Required ?? false, Options);
    }

    /// <summary><c>opensAt</c>/<c>closesAt</c> absent or null: that end of the period is open. Questions without <c>id</c> are new.</summary>
    public sealed record FormRequest(
        [property: Required] string? Policy, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, [property: Required] List<QuestionRequest>? Questions)
    {
        public FormInput ToInput() => new(
            EnumNames.Parse<JoinPolicy>(Policy, "policy", ErrorCodes.JoinPolicyInvalid), OpensAt, ClosesAt, [.. Questions!.Select(q => q.ToInput())]);
    }

    public sealed record AnswerRequest([property: Required] long? QuestionId, string? Text, List<string>? Choices);

    public sealed record AnswersRequest([property: Required] List<AnswerRequest>? Answers)
    {
        public IReadOnlyList<AnswerInput> ToInput() => [.. Answers!.Select(a =>
            new AnswerInput(a.QuestionId ?? throw AppException.Validation(ErrorCodes.FieldRequired, "questionId"), a.Text, a.Choices))];
    }

    public sealed record DecisionRequest([property: Required] string? Decision, string? Message)
    {
        public Decision Parsed => EnumNames.Parse<Decision>(Decision, "decision", ErrorCodes.DecisionInvalid);
    }

    public sealed record DecisionsRequest([property: Required] List<long>? ApplicationIds, [property: Required] string? Decision, string? Message);

    public sealed record MemoRequest([property: Required] string? Memo);

    public sealed record StatusResponse(ApplicationStatus Status);

    public static void MapApplicationsApi(this RouteGroupBuilder v1)
    {
        var groups = v1.MapGroup("/groups/{groupId:long}").WithTags("Applications");
        groups.MapGet("/form", GetForm);
        groups.MapPut("/form", SaveForm).RequireAuthorization();
        groups.MapPost("/applications", Submit).RequireAuthorization();
        groups.MapGet("/applications", Queue).RequireAuthorization();
        v1.MapGet("/me/applications", Mine).WithTags("Applications").RequireAuthorization();
        var applications = v1.MapGroup("/applications").WithTags("Applications").RequireAuthorization();
        applications.MapPost("/decisions", DecideMany);
        applications.MapGet("/{applicationId:long}", Get);
        applications.MapPut("/{applicationId:long}", Edit);
        applications.MapPost("/{applicationId:long}/withdraw", Withdraw);
        applications.MapPost("/{applicationId:long}/decision", Decide);
        applications.MapPut("/{applicationId:long}/memo", Memo);
    }

    private static async Task<Ok<FormView>> GetForm(long groupId, ApplicationForms forms, CancellationToken ct) =>
        TypedResults.Ok(await forms.GetAsync(groupId, ct));

    private static async Task<Ok<FormView>> SaveForm(long groupId, FormRequest request, ApplicationForms forms, CancellationToken ct) =>
        TypedResults.Ok(await forms.SaveAsync(groupId, request.ToInput(), ct));

    private static async Task<Created<SubmittedApplication>> Submit(long groupId, AnswersRequest request, Applying applying, CancellationToken ct)
    {
        var submitted = await applying.SubmitAsync(groupId, request.ToInput(), ct);
        return TypedResults.Created($"/v1/applications/{submitted.ApplicationId}", submitted);
    }

    private static async Task<Ok<IReadOnlyList<ApplicationView>>> Queue(
        long groupId, string? status, string? q, ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.QueueAsync(
            groupId, EnumNames.ParseOrNull<ApplicationStatus>(status, "status", ErrorCodes.ApplicationStatusInvalid), q, ct));

    private static async Task<Ok<IReadOnlyList<MyApplicationView>>> Mine(ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(ct));

    private static async Task<Ok<ApplicationView>> Get(long applicationId, ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(applicationId, ct));

    private static async Task<Ok<SubmittedApplication>> Edit(long applicationId, AnswersRequest request, Applying applying, CancellationToken ct) =>
        TypedResults.Ok(await applying.EditAsync(applicationId, request.ToInput(), ct));

    private static async Task<Ok<SubmittedApplication>> Withdraw(long applicationId, Applying applying, CancellationToken ct) =>
        TypedResults.Ok(await applying.WithdrawAsync(applicationId, ct));

    private static async Task<Ok<StatusResponse>> Decide(long applicationId, DecisionRequest request, Decisions decisions, CancellationToken ct) =>
        TypedResults.Ok(new StatusResponse(await decisions.DecideAsync(applicationId, request.Parsed, request.Message, ct)));

    /// <summary>Several at once: 200 with one outcome each (a status, or the code that refused it).</summary>
    private static async Task<Ok<IReadOnlyList<DecisionOutcome>>> DecideMany(DecisionsRequest request, Decisions decisions, CancellationToken ct) =>
        TypedResults.Ok(await decisions.DecideManyAsync(
            request.ApplicationIds!, new DecisionRequest(request.Decision, request.Message).Parsed, request.Message, ct));

    private static async Task<NoContent> Memo(long applicationId, MemoRequest request, Decisions decisions, CancellationToken ct)
    {
        await decisions.SetMemoAsync(applicationId, request.Memo, ct);
        return TypedResults.NoContent();
    }
}
