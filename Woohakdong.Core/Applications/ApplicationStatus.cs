using System.Text.Json.Serialization;

namespace Woohakdong.Core.Applications;

/// <summary>Where an application (지원서) stands; the allowed moves live in <see cref="ApplicationTransitions"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApplicationStatus>))]
public enum ApplicationStatus
{
    [JsonStringEnumMemberName("SUBMITTED")] Submitted = 0,
    [JsonStringEnumMemberName("INTERVIEW")] Interview = 1,
    /// <summary>Accepted; in a paid group the seat is held until the payment deadline.</summary>
    [JsonStringEnumMemberName("APPROVED")] Approved = 2,
    [JsonStringEnumMemberName("REJECTED")] Rejected = 3,
    [JsonStringEnumMemberName("WITHDRAWN")] Withdrawn = 4,
    /// <summary>Approved for a paid group but not paid by the deadline; the seat went back.</summary>
    [JsonStringEnumMemberName("EXPIRED")] Expired = 5,
    /// <summary>The membership is made.</summary>
    [JsonStringEnumMemberName("JOINED")] Joined = 6,
}

/// <summary>What an officer decides: <c>POST /v1/applications/{id}/decision {decision}</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    [JsonStringEnumMemberName("INTERVIEW")] Interview,
    [JsonStringEnumMemberName("APPROVE")] Approve,
    [JsonStringEnumMemberName("REJECT")] Reject,
}

[JsonConverter(typeof(JsonStringEnumConverter<QuestionType>))]
public enum QuestionType
{
    [JsonStringEnumMemberName("SHORT_TEXT")] ShortText,
    [JsonStringEnumMemberName("LONG_TEXT")] LongText,
    [JsonStringEnumMemberName("SINGLE_CHOICE")] SingleChoice,
    [JsonStringEnumMemberName("MULTI_CHOICE")] MultiChoice,
}

public static class QuestionTypes
{
    public static bool IsChoice(this QuestionType type) => type is QuestionType.SingleChoice or QuestionType.MultiChoice;
}
