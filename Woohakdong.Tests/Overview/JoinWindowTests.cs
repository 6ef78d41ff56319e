using Woohakdong.Core.Joining;
using Woohakdong.Core.Overview;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Overview;

/// <summary>Which KST days the joins chart covers, and how join times fall into them.</summary>
public sealed class JoinWindowTests
{
    private static readonly DateOnly Today = new(2026, 4, 10);

    private static JoinWindow Of(DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        JoinWindow.Of(new JoinGroup { Recruiting = true, OpensAt = opensAt, ClosesAt = closesAt }, Today);

    [Fact]
    public void A_running_period_is_covered_from_its_first_day_to_today()
    {
        Assert.Equal(new JoinWindow(new DateOnly(2026, 4, 3), Today, true), Of(Kst(2026, 4, 3, 18, 0), Kst(2026, 5, 1)));
    }

    [Fact]
    public void A_period_closing_at_kst_midnight_ends_the_day_before()
    {
        Assert.Equal(new JoinWindow(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 8), true), Of(Kst(2026, 4, 2), Kst(2026, 4, 9)));
        Assert.Equal(new DateOnly(2026, 4, 9), Of(Kst(2026, 4, 2), Kst(2026, 4, 9, 0, 1)).To);
    }

    [Fact]
    public void No_period_a_period_not_yet_open_or_no_group_shows_the_last_fourteen_days()
    {
        var fallback = new JoinWindow(new DateOnly(2026, 3, 28), Today, false);
        Assert.Equal(fallback, Of(null, null));
        Assert.Equal(fallback, Of(null, Kst(2026, 4, 30)));
        Assert.Equal(fallback, Of(Kst(2026, 4, 11), null));
        Assert.Equal(fallback, JoinWindow.Of(null, Today));
        Assert.Equal(14, fallback.Days);
    }

    [Fact]
    public void A_long_period_shows_its_latest_month()
    {
        var window = Of(Kst(2026, 3, 1), null);

        Assert.Equal((JoinWindow.MaxDays, Today), (window.Days, window.To));
    }

    [Fact]
    public void Joins_fall_on_their_kst_day_and_empty_days_count_zero()
    {
        var window = new JoinWindow(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3), true);

        var days = window.Count([Kst(2026, 4, 1, 0, 0), Kst(2026, 4, 1, 23, 59, 59), Kst(2026, 4, 3, 0, 1)]);

        Assert.Equal([(new DateOnly(2026, 4, 1), 2), (new DateOnly(2026, 4, 2), 0), (new DateOnly(2026, 4, 3), 1)],
            days.Select(d => (d.Day, d.Joins)));
        Assert.Equal((Kst(2026, 4, 1), Kst(2026, 4, 4)), (window.StartsAt, window.EndsBefore));
    }
}
