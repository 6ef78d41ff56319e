namespace Woohakdong.Core.Notifications;

/// <summary>
/// One thing to tell one person, recorded in the transaction of the change that caused it (<see cref="NotificationOutbox"/>).
/// The same row is the inbox entry (<see cref="InInbox"/>) and the e-mail to send: a worker claims it until
/// <see cref="EmailClaimedUntil"/>, so instances never send it at once, and a claim that lapses (a crash) lets any
/// instance try again. Texts are rendered when read or sent, in the reader's language, from <see cref="Parameters"/>.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid RecipientId { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>JSON object of invariant strings, filled into the kind's texts (see <see cref="NotificationRenderer"/>).</summary>
    public string Parameters { get; set; } = "{}";
    /// <summary>An app path ("/me/payments") or, for account mails, an absolute link.</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool InInbox { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Where the e-mail goes when not to the recipient's address: a new address being confirmed.</summary>
    public string? EmailTo { get; set; }
    public EmailStatus EmailStatus { get; set; }
    public int EmailAttempts { get; set; }
    public DateTimeOffset? EmailDueAt { get; set; }
    public DateTimeOffset? EmailClaimedUntil { get; set; }
    public Guid? EmailClaimToken { get; set; }
    public DateTimeOffset? EmailSentAt { get; set; }
    public string? EmailError { get; set; }
}

public enum EmailStatus
{
    /// <summary>Waiting for <see cref="Notification.EmailDueAt"/>, or claimed by a worker.</summary>
    Pending,
    Sent,
    /// <summary>The recipient turned this kind's e-mails off, or has no address.</summary>
    Skipped,
    /// <summary>Refused for good, or still failing after the last attempt.</summary>
    Failed,
}

/// <summary>A kind a user does not want by e-mail (the inbox still gets it).</summary>
public sealed class EmailOptOut
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
}
