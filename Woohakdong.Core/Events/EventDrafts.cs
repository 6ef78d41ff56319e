using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Events;

/// <summary>What an event's notices say of it: its club's name and what an attendee relies on.</summary>
public sealed record EventNews(long EventId, string Club, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The notifications of events to their sign-ups, in the shape <see cref="NotificationRenderer"/> formats (<c>…At</c> as
/// KST times, <c>amount</c> as won), each linking to the event's page. Read and recorded in the caller's transaction.
/// </summary>
public static class EventDrafts
{
    /// <summary>The event's page (Web's <c>CalendarPaths.Event</c>; Core cannot reference it).</summary>
    public static string EventPath(long eventId) => $"/events/{eventId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Whether an edit changes what an attendee relies on: the title, the times or the place. A description, capacity, fee,
    /// audience, window or deadline edit is not news to those already signed up (a paid sign-up keeps its fee).
    /// </summary>
    public static bool IsNews(ClubEvent before, EventInput after) =>
        before.Title != after.Title || before.Place != after.Place || before.StartsAt != after.StartsAt || before.EndsAt != after.EndsAt;

    public static NotificationDraft Changed(Guid recipient, EventNews news) => new(recipient, NotificationKind.EventChanged, Values(news), EventPath(news.EventId));

    public static NotificationDraft Reminder(Guid recipient, EventNews news) => new(recipient, NotificationKind.EventReminder, Values(news), EventPath(news.EventId));

    /// <param name="refund">What a confirmed paid sign-up gets back (in full); null for a free one.</param>
    /// <param name="pending">A sign-up still waiting on its payment, whose order is closed (a payment arriving later is refunded).</param>
    public static NotificationDraft Cancelled(Guid recipient, EventNews news, long? refund, bool pending)
    {
        var values = Values(news);
        if (refund is { } amount)
        {
            values[NotificationDraft.VariantKey] = "Refunded";
            values["amount"] = amount.ToString(CultureInfo.InvariantCulture);
        }
        else if (pending) values[NotificationDraft.VariantKey] = "Pending";
        return new(recipient, NotificationKind.EventCancelled, values, EventPath(news.EventId));
    }

    /// <summary>A cancelled event's notice to a student waiting in its line or holding its unpaid offer.</summary>
    public static NotificationDraft CancelledInLine(Guid recipient, EventNews news)
    {
        var values = Values(news);
        values[NotificationDraft.VariantKey] = "Waitlisted";
        return new(recipient, NotificationKind.EventCancelled, values, EventPath(news.EventId));
    }

    /// <summary>
    /// A draft for each sign-up of <paramref name="eventId"/> as it stands now: every live one (confirmed or waiting on
    /// payment), or only the confirmed ones.
    /// </summary>
    public static async Task<List<NotificationDraft>> ToSignupsAsync(
        AppDbContext db, long eventId, bool confirmedOnly, Func<Guid, EventNews, NotificationDraft> draft, CancellationToken ct)
    {
        var news = await NewsAsync(db, eventId, ct);
        var users = await db.EventSignups
            .Where(s => s.EventId == eventId && (confirmedOnly ? s.Status == SignupStatus.Confirmed : s.Status != SignupStatus.Cancelled))
            .OrderBy(s => s.Id).Select(s => s.UserId).ToListAsync(ct);
        return [.. users.Select(user => draft(user, news))];
    }

    /// <summary>
    /// A cancelled event's notice to every live sign-up, saying whether its payment is refunded, and to every student still
    /// in its line (waiting or offered).
    /// </summary>
    public static async Task<List<NotificationDraft>> CancelledToLiveAsync(AppDbContext db, long eventId, CancellationToken ct)
    {
        var news = await NewsAsync(db, eventId, ct);
        var live = await db.EventSignups.Where(s => s.EventId == eventId && s.Status != SignupStatus.Cancelled)
            .OrderBy(s => s.Id).Select(s => new { s.UserId, s.Status }).ToListAsync(ct);
        var paid = await db.JoinOrders.Where(o => o.PoolId == eventId && o.Status == OrderStatus.Completed)
            .ToDictionaryAsync(o => o.UserId, o => o.Amount, ct);
        var inLine = await db.WaitlistEntries
            .Where(w => w.EventId == eventId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered))
            .OrderBy(w => w.Id).Select(w => w.UserId).ToListAsync(ct);
        return [.. live.Select(s => Cancelled(s.UserId, news,
            s.Status == SignupStatus.Confirmed && paid.TryGetValue(s.UserId, out var amount) ? amount : null,
            s.Status == SignupStatus.PendingPayment)), .. inLine.Select(user => CancelledInLine(user, news))];
    }

    public static Task<EventNews> NewsAsync(AppDbContext db, long eventId, CancellationToken ct) =>
        db.Events.Where(e => e.Id == eventId)
            .Join(db.Clubs, e => e.ClubId, c => c.Id, (e, c) => new EventNews(e.Id, c.Name, e.Title, e.Place, e.StartsAt, e.EndsAt))
            .SingleAsync(ct);

    private static Dictionary<string, string> Values(EventNews news) => new()
    {
        ["club"] = news.Club, ["title"] = news.Title, ["place"] = news.Place,
        ["startsAt"] = Time(news.StartsAt), ["endsAt"] = Time(news.EndsAt),
    };

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
