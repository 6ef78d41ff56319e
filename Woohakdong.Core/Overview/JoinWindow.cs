using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Overview;

/// <summary>
/// The KST days the joins chart covers: the recruitment period up to today, or the last <see cref="FallbackDays"/> days
/// when the group has no period or it has not begun. At most <see cref="MaxDays"/> days, the latest ones, so a
/// semester-long period still reads as a chart.
/// </summary>
public sealed record JoinWindow(DateOnly From, DateOnly To, bool IsRecruitmentPeriod)
{
    public const int FallbackDays = 14;
    public const int MaxDays = 31;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTimeOffset StartsAt => Midnight(From);

    public DateTimeOffset EndsBefore => Midnight(To.AddDays(1));

    public static JoinWindow Of(JoinGroup? group, DateOnly today)
    {
        if (group?.OpensAt is { } opensAt && Day(opensAt) <= today)
        {
            // ClosesAt is the first instant closed: a period closing at midnight ends the day before.
            var to = group.ClosesAt is { } closesAt && Day(closesAt.AddTicks(-1)) < today ? Day(closesAt.AddTicks(-1)) : today;
            var from = Day(opensAt);
            return new JoinWindow(from.DayNumber < to.DayNumber - MaxDays + 1 ? to.AddDays(1 - MaxDays) : from, to, true);
        }
        return new JoinWindow(today.AddDays(1 - FallbackDays), today, false);
    }

    /// <summary>Every day of the window with its joins, zero days included.</summary>
    public IReadOnlyList<DayJoins> Count(IEnumerable<DateTimeOffset> joinedAt)
    {
        var perDay = joinedAt.GroupBy(Day).ToDictionary(g => g.Key, g => g.Count());
        return [.. Enumerable.Range(0, Days).Select(i => From.AddDays(i)).Select(day => new DayJoins(day, perDay.GetValueOrDefault(day)))];
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToKst().DateTime);

    // In UTC: PostgreSQL takes no other offset as a parameter.
    private static DateTimeOffset Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KoreanTime.Offset).ToUniversalTime();
}
