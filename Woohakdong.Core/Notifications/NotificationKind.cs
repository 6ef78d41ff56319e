using System.Reflection;
using System.Text.Json.Serialization;

namespace Woohakdong.Core.Notifications;

/// <summary>What a notification is about. Serialized as PAYMENT_COMPLETED, …; stored by name, so reordering is safe.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotificationKind>))]
public enum NotificationKind
{
    [JsonStringEnumMemberName("PASSWORD_RESET")] PasswordReset,
    [JsonStringEnumMemberName("EMAIL_CONFIRMATION")] EmailConfirmation,
    [JsonStringEnumMemberName("EMAIL_CHANGE")] EmailChange,
    [JsonStringEnumMemberName("PAYMENT_COMPLETED")] PaymentCompleted,
    [JsonStringEnumMemberName("REFUND_MADE")] RefundMade,
    [JsonStringEnumMemberName("ROLE_CHANGED")] RoleChanged,
    [JsonStringEnumMemberName("PRESIDENCY_HANDED")] PresidencyHanded,
    [JsonStringEnumMemberName("ITEM_OVERDUE")] ItemOverdue,
    [JsonStringEnumMemberName("ITEM_RETURNED_FOR_YOU")] ItemReturnedForYou,
    [JsonStringEnumMemberName("NOTICE_POSTED")] NoticePosted,
    [JsonStringEnumMemberName("APPLICATIONS_RECEIVED")] ApplicationsReceived,
    [JsonStringEnumMemberName("APPLICATION_INTERVIEW")] ApplicationInterview,
    [JsonStringEnumMemberName("APPLICATION_APPROVED")] ApplicationApproved,
    [JsonStringEnumMemberName("APPLICATION_REJECTED")] ApplicationRejected,
    [JsonStringEnumMemberName("APPLICATION_PAYMENT_DUE")] ApplicationPaymentDue,
    [JsonStringEnumMemberName("APPLICATION_EXPIRED")] ApplicationExpired,
    [JsonStringEnumMemberName("APPLICANT_EXPIRED")] ApplicantExpired,
    [JsonStringEnumMemberName("WAITLIST_OFFERED")] WaitlistOffered,
    [JsonStringEnumMemberName("WAITLIST_SEATED")] WaitlistSeated,
    [JsonStringEnumMemberName("WAITLIST_OFFER_LAPSED")] WaitlistOfferLapsed,
    [JsonStringEnumMemberName("EVENT_CHANGED")] EventChanged,
    [JsonStringEnumMemberName("EVENT_CANCELLED")] EventCancelled,
    [JsonStringEnumMemberName("EVENT_REMINDER")] EventReminder,
}

public static class NotificationKinds
{
    /// <summary>
    /// Account mails carry a one-time link: they go by e-mail only (never into the inbox, where the link would outlive
    /// its use) and cannot be turned off.
    /// </summary>
    public static bool IsAccountMail(this NotificationKind kind) =>
        kind is NotificationKind.PasswordReset or NotificationKind.EmailConfirmation or NotificationKind.EmailChange;

    /// <summary>The kinds a user may choose to receive by e-mail or not (in the app they always arrive).</summary>
    public static IReadOnlyList<NotificationKind> Optional { get; } =
        [.. Enum.GetValues<NotificationKind>().Where(kind => !kind.IsAccountMail())];

    private static readonly Dictionary<string, NotificationKind> ByJsonName = Enum.GetValues<NotificationKind>().ToDictionary(
        kind => typeof(NotificationKind).GetField(kind.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name);

    /// <summary>The kind a JSON name (PAYMENT_COMPLETED) stands for, exactly as serialized; null for any other text.</summary>
    public static NotificationKind? FromJsonName(string name) => ByJsonName.TryGetValue(name, out var kind) ? kind : null;
}
