using Woohakdong.Core.Events;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// An event on a calendar, times in KST. A cancelled event stays on it (shown struck through, STATUS:CANCELLED in a
/// feed) so that a subscriber's copy learns of the cancellation instead of the event silently vanishing.
/// </summary>
public sealed record CalendarEntry(
    long EventId, long ClubId, string ClubName, string ClubEnglishName, string Title, string Description, string Place,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, EventAudience Audience, EventStatus Status, bool SignedUp);

/// <summary>One club's month (<c>GET /v1/clubs/{clubId}/calendar?month=</c>).</summary>
public sealed record ClubCalendar(long ClubId, string ClubName, string Month, IReadOnlyList<CalendarEntry> Events);

/// <summary>A feed as its owner sees it; the address itself is shown once, when it is made.</summary>
public sealed record CalendarFeedView(long FeedId, long? ClubId, DateTimeOffset CreatedAt);

/// <summary>A new feed and its token, which is never stored and cannot be shown again.</summary>
public sealed record CalendarFeedCreated(long FeedId, long? ClubId, string Token);
