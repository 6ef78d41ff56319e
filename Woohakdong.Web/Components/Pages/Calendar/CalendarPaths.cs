namespace Woohakdong.Web.Components.Pages.Calendar;

/// <summary>Where calendars live; an event's own page (<c>/events/{eventId}</c>) belongs to the events pages.</summary>
public static class CalendarPaths
{
    public const string Mine = "/me/calendar";

    public static string Club(string englishName) => $"/clubs/{englishName}/calendar";

    public static string Event(long eventId) => $"/events/{eventId}";

    /// <summary>Where a feed is read from, on the address the caller reached this app at.</summary>
    public static string Feed(string baseAddress, string token) => $"{baseAddress.TrimEnd('/')}/calendar/{token}.ics";

    public static string WithMonth(string path, DateOnly month) => $"{path}?month={month:yyyy-MM}";
}
