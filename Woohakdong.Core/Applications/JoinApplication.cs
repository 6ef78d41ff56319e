using Woohakdong.Core.Data;

namespace Woohakdong.Core.Applications;

/// <summary>One question of a group's application form, in <see cref="Position"/> order.</summary>
public sealed class FormQuestion : IAuditable
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public int Position { get; set; }
    public QuestionType Type { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Required { get; set; }
    /// <summary>The choices offered by a choice question; empty for a text one.</summary>
    public List<string> Options { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>
/// A student's application (지원서) to a join group. Its status only moves through <see cref="ApplicationTransitions"/>;
/// a filtered unique index keeps one live application per student and group.
/// </summary>
public sealed class JoinApplication : IAuditable
{
    public long Id { get; set; }
    public long GroupId { get; set; }
    public long ClubId { get; set; }
    public Guid UserId { get; set; }
    public ApplicationStatus Status { get; set; }
    /// <summary>The last decision's message to the applicant (interview time and place, a reason).</summary>
    public string? Message { get; set; }
    /// <summary>Officers only.</summary>
    public string Memo { get; set; } = "";
    /// <summary>A paid group's payment deadline after approval (the approval hold's expiry).</summary>
    public DateTimeOffset? PayBy { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>When the officers were told of it (the hourly batch); null until then.</summary>
    public DateTimeOffset? OfficersToldAt { get; set; }
    public bool PaymentReminderSent { get; set; }
    public List<ApplicationAnswer> Answers { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public sealed class ApplicationAnswer
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public long QuestionId { get; set; }
    public string Text { get; set; } = "";
    public List<string> Choices { get; set; } = [];
}

/// <summary>One move of an application, with who made it and the message sent; rows are only ever added.</summary>
public sealed class ApplicationHistory
{
    public long Id { get; set; }
    public long ApplicationId { get; set; }
    public ApplicationStatus From { get; set; }
    public ApplicationStatus To { get; set; }
    /// <summary>Null for the system (an expired deadline, a payment).</summary>
    public Guid? ActorId { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset At { get; set; }
}
