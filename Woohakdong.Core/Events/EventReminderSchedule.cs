using System.Linq.Expressions;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Events;

/// <summary>
/// When an event's sign-ups are reminded: at 09:00 KST the day before its start. An event first seen after that moment
/// but before its start (made or moved less than a day ahead, or a pass missed by an outage) is reminded at once, still
/// once; one already under way or cancelled is not. One expression, so the database asks exactly what the tests check.
/// </summary>
public static class EventReminderSchedule
{
    public static readonly TimeOnly Hour = new(9, 0);

    public static DateTimeOffset RemindAt(DateTimeOffset startsAt) =>
        new(DateOnly.FromDateTime(startsAt.ToKst().DateTime).AddDays(-1), Hour, KoreanTime.Offset);

    public static Expression<Func<ClubEvent, bool>> Due(DateTimeOffset now)
    {
        // RemindAt(start) <= now exactly when the start falls before this KST midnight.
        var kst = now.ToKst();
        var lastStartDay = DateOnly.FromDateTime(kst.DateTime).AddDays(TimeOnly.FromDateTime(kst.DateTime) >= Hour ? 1 : 0);
        var startsBefore = new DateTimeOffset(lastStartDay.AddDays(1), TimeOnly.MinValue, KoreanTime.Offset).ToUniversalTime();
        return e => e.Status == EventStatus.Published && e.RemindersSentAt == null && e.StartsAt > now && e.StartsAt < startsBefore;
    }
}
