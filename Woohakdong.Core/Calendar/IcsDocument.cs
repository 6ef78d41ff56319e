using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using IcalCalendar = Ical.Net.Calendar;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// A calendar as an iCalendar document (RFC 5545) for Google, Apple and Naver calendars: times with TZID Asia/Seoul and
/// its VTIMEZONE, one UID per event that never changes (an app updates its copy instead of adding a second), a cancelled
/// event as STATUS:CANCELLED, and a link to the event's page.
/// </summary>
public static class IcsDocument
{
    public const string TimeZoneId = "Asia/Seoul";
    public const string MyCalendarName = "우학동 내 일정";

    public static string Uid(long eventId) => $"event-{eventId}@woohakdong";

    public static string Write(string name, IEnumerable<CalendarEntry> entries, Uri baseAddress, DateTimeOffset now)
    {
        var calendar = new IcalCalendar { ProductId = "-//Woohakdong//Calendar//KO" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZoneId));
        foreach (var entry in entries)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(entry.EventId),
                Summary = entry.Title,
                Description = entry.Description,
                Location = entry.Place,
                DtStart = InSeoul(entry.StartsAt),
                DtEnd = InSeoul(entry.EndsAt),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Status = entry.Status == EventStatus.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Url = new Uri(baseAddress, $"events/{entry.EventId}"),
            });
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime InSeoul(DateTimeOffset at) => new(DateTime.SpecifyKind(at.ToKst().DateTime, DateTimeKind.Unspecified), TimeZoneId);
}
