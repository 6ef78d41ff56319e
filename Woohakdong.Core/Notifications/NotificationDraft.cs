using System.Globalization;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Notifications;

/// <summary>
/// A notification before it is recorded, made only by the typed constructors below, so every kind carries the
/// parameters its texts need. Values are stored invariant; <see cref="NotificationRenderer"/> formats them by key:
/// <c>amount</c> as won, keys ending in <c>At</c> as KST times, in <c>On</c> as dates, <c>role</c> as the role's name.
/// A <see cref="VariantKey"/> parameter picks the kind's texts for that case (<c>RefundMade.Ticket.Body</c>).
/// </summary>
public sealed record NotificationDraft(
    Guid RecipientId, NotificationKind Kind, IReadOnlyDictionary<string, string> Parameters, string? Link, string? EmailTo = null)
{
    /// <summary>The parameter naming which of its kind's texts a notification reads; without it (or its texts), the kind's own.</summary>
    public const string VariantKey = "variant";

    /// <param name="eventTitle">The event a ticket was bought for; null for the term's dues.</param>
    public static NotificationDraft PaymentCompleted(
        Guid recipient, string club, long amount, DateTimeOffset paidAt, string orderNumber, string? eventTitle = null) =>
        new(recipient, NotificationKind.PaymentCompleted,
            ForTicket(Values(("club", club), ("amount", Amount(amount)), ("paidAt", Time(paidAt)), ("order", orderNumber)), eventTitle), "/me/payments");

    /// <param name="eventTitle">The event a ticket was bought for; null for the term's dues.</param>
    public static NotificationDraft RefundMade(Guid recipient, string club, long amount, string reason, string orderNumber, string? eventTitle = null) =>
        new(recipient, NotificationKind.RefundMade,
            ForTicket(Values(("club", club), ("amount", Amount(amount)), ("reason", reason), ("order", orderNumber)), eventTitle), "/me/payments");

    public static NotificationDraft RoleChanged(Guid recipient, string club, string clubPath, ClubRole role) =>
        new(recipient, NotificationKind.RoleChanged, Values(("club", club), ("role", role.ToString())), $"/clubs/{clubPath}");

    public static NotificationDraft PresidencyHanded(Guid recipient, string club, string clubPath, string formerPresident) =>
        new(recipient, NotificationKind.PresidencyHanded, Values(("club", club), ("from", formerPresident)), $"/clubs/{clubPath}/admin");

    public static NotificationDraft ItemOverdue(Guid recipient, string club, string clubPath, string item, long itemId, DateOnly dueOn) =>
        new(recipient, NotificationKind.ItemOverdue, Values(("club", club), ("item", item), ("dueOn", Date(dueOn))), ItemPath(clubPath, itemId));

    public static NotificationDraft ItemReturnedForYou(Guid recipient, string club, string clubPath, string item, long itemId, string officer) =>
        new(recipient, NotificationKind.ItemReturnedForYou, Values(("club", club), ("item", item), ("officer", officer)), ItemPath(clubPath, itemId));

    /// <summary>The notice's page for members (Web's <c>NoticePaths.Notice</c>).</summary>
    public static NotificationDraft NoticePosted(Guid recipient, string club, string clubPath, string title, long noticeId) =>
        new(recipient, NotificationKind.NoticePosted, Values(("club", club), ("title", title)),
            $"/clubs/{clubPath}/notices/{noticeId.ToString(CultureInfo.InvariantCulture)}");

    public static NotificationDraft PasswordReset(Guid recipient, Uri link) =>
        new(recipient, NotificationKind.PasswordReset, Values(), link.AbsoluteUri);

    public static NotificationDraft EmailConfirmation(Guid recipient, Uri link) =>
        new(recipient, NotificationKind.EmailConfirmation, Values(), link.AbsoluteUri);

    /// <summary>Sent to the new address, which becomes the account's only once this link is followed.</summary>
    public static NotificationDraft EmailChange(Guid recipient, string newAddress, Uri link) =>
        new(recipient, NotificationKind.EmailChange, Values(("address", newAddress)), link.AbsoluteUri, newAddress);

    /// <summary>The item's page (Web's <c>ItemPaths.Item</c>; Core cannot reference it).</summary>
    private static string ItemPath(string clubPath, long itemId) => $"/clubs/{clubPath}/items/{itemId.ToString(CultureInfo.InvariantCulture)}";

    private static string Amount(long won) => won.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => day.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>An event ticket's payment reads as the ticket's, not the dues'.</summary>
    private static Dictionary<string, string> ForTicket(Dictionary<string, string> values, string? eventTitle)
    {
        if (eventTitle is null) return values;
        values[VariantKey] = "Ticket";
        values["event"] = eventTitle;
        return values;
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
