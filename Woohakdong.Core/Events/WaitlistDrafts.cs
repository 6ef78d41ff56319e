using System.Globalization;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Events;

/// <summary>The notifications of an event's waitlist, in the shape <see cref="NotificationRenderer"/> formats (<c>amount</c>, <c>…At</c>).</summary>
public static class WaitlistDrafts
{
    public static NotificationDraft Offered(Guid student, string club, string title, long eventId, long amount, DateTimeOffset payBy) =>
        new(student, NotificationKind.WaitlistOffered,
            Values(("club", club), ("title", title), ("amount", amount.ToString(CultureInfo.InvariantCulture)), ("payByAt", Time(payBy))),
            EventDrafts.EventPath(eventId));

    public static NotificationDraft Seated(Guid student, string club, string title, long eventId, DateTimeOffset startsAt) =>
        new(student, NotificationKind.WaitlistSeated, Values(("club", club), ("title", title), ("startsAt", Time(startsAt))), EventDrafts.EventPath(eventId));

    public static NotificationDraft OfferLapsed(Guid student, string club, string title, long eventId) =>
        new(student, NotificationKind.WaitlistOfferLapsed, Values(("club", club), ("title", title)), EventDrafts.EventPath(eventId));

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);
}
