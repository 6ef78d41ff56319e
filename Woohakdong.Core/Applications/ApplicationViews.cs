using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Applications;

/// <summary><see cref="Answered"/>: some application answers it, so it can be neither deleted nor change type.</summary>
public sealed record QuestionView(
    long Id, QuestionType Type, string Title, string Description, bool Required, IReadOnlyList<string> Options, bool Answered);

/// <summary><c>GET /v1/groups/{groupId}/form</c>; <see cref="Open"/> is <see cref="Recruitment"/>'s answer right now.</summary>
public sealed record FormView(
    long GroupId, long ClubId, JoinPolicy Policy, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool Open, long Amount,
    IReadOnlyList<QuestionView> Questions);

/// <summary>What an officer saves: <c>PUT /v1/groups/{groupId}/form</c>.</summary>
public sealed record FormInput(JoinPolicy Policy, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<QuestionInput> Questions);

public sealed record AnswerView(long QuestionId, string Question, string Text, IReadOnlyList<string> Choices);

/// <summary>The profile a club sees beside the answers (이름, 학번, 학과, 연락처).</summary>
public sealed record ApplicantView(string Name, string StudentNumber, string Major, string Phone, string Email);

/// <summary>An application as its club's officers see it; <see cref="Memo"/> is theirs alone.</summary>
public sealed record ApplicationView(
    long ApplicationId, long GroupId, ApplicationStatus Status, ApplicantView Applicant, IReadOnlyList<AnswerView> Answers,
    DateTimeOffset SubmittedAt, string? Message, string? Memo);

/// <summary>What an approved student of a paid group pays, by when, and the order once one is made.</summary>
public sealed record PaymentDue(long? OrderId, long Amount, DateTimeOffset? PayBy);

/// <summary>One row of 내 지원서 (<c>GET /v1/me/applications</c>).</summary>
public sealed record MyApplicationView(
    long ApplicationId, long GroupId, long ClubId, string ClubName, string ClubPath, ApplicationStatus Status, string? Message,
    PaymentDue? Payment, IReadOnlyList<AnswerView> Answers, DateTimeOffset SubmittedAt, bool Editable);

public sealed record SubmittedApplication(long ApplicationId, ApplicationStatus Status);

/// <summary>One decision's outcome in a batch: the new status, or the refusal's code (FULL, INVALID_TRANSITION, …).</summary>
public sealed record DecisionOutcome(long ApplicationId, ApplicationStatus? Status, string? Code);
