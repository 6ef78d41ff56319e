using System.Globalization;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// A span of KST days as instants [<see cref="Start"/>, <see cref="End"/>): a month's starts at 00:00 KST on its first day,
/// so 2026-03-31 23:30 KST (14:30 UTC) is still March. An event belongs to the days its start falls in.
/// </summary>
public readonly record struct CalendarRange(DateOnly FirstDay, DateOnly LastDay)
{
    public const int MaxDays = 366;

    public DateTimeOffset Start => StartOf(FirstDay);

    public DateTimeOffset End => StartOf(LastDay.AddDays(1));

    public static CalendarRange Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new CalendarRange(first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>"2026-03" → March 2026; anything else is CALENDAR_MONTH_INVALID. Absent: the month of today in KST.</summary>
    public static CalendarRange ParseMonth(string? month, TimeProvider time)
    {
        if (string.IsNullOrEmpty(month))
        {
            var today = time.Today();
            return Month(today.Year, today.Month);
        }
        if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            throw AppException.Validation(ErrorCodes.CalendarMonthInvalid, "month");
        return Month(parsed.Year, parsed.Month);
    }

    /// <summary>
    /// Both days inclusive ("2026-03-01"); from defaults to today (KST), to to 30 days after from. A malformed day or an
    /// end before the start is CALENDAR_RANGE_INVALID, more than <see cref="MaxDays"/> days CALENDAR_RANGE_TOO_LONG.
    /// </summary>
    public static CalendarRange ParseDays(string? from, string? to, TimeProvider time)
    {
        var first = from is null ? time.Today() : ParseDay(from, "from");
        var last = to is null ? first.AddDays(30) : ParseDay(to, "to");
        if (last < first) throw AppException.Validation(ErrorCodes.CalendarRangeInvalid, "to");
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw AppException.Validation(ErrorCodes.CalendarRangeTooLong, "to");
        return new CalendarRange(first, last);
    }

    public string MonthKey => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string value, string field) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw AppException.Validation(ErrorCodes.CalendarRangeInvalid, field);

    private static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KoreanTime.Offset).ToUniversalTime();
}
