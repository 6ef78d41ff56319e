using Woohakdong.Core.Items;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Items;

/// <summary>The overdue rule alone: once a KST day, from the day after the due day, until the item is back.</summary>
public sealed class OverdueScheduleTests
{
    private static readonly DateOnly DueOn = new(2026, 4, 4);

    private static bool NoticeDue(DateTimeOffset now, DateOnly? lastNotifiedOn = null, DateTimeOffset? returnedAt = null) =>
        OverdueSchedule.NoticeDue(now).Compile()(new ItemLoan { DueOn = DueOn, LastOverdueNoticeOn = lastNotifiedOn, ReturnedAt = returnedAt });

    [Fact]
    public void No_notice_on_the_due_day_itself_up_to_its_last_kst_second()
    {
        Assert.False(NoticeDue(Kst(2026, 4, 4, 0, 0)));
        Assert.False(NoticeDue(Kst(2026, 4, 4, 23, 59, 59)));
    }

    [Fact]
    public void The_first_notice_is_due_at_kst_midnight_while_it_is_still_the_due_day_in_utc()
    {
        var midnight = Kst(2026, 4, 5);

        Assert.Equal(new DateOnly(2026, 4, 4), DateOnly.FromDateTime(midnight.UtcDateTime));
        Assert.True(NoticeDue(midnight));
        Assert.Equal(new DateOnly(2026, 4, 5), OverdueSchedule.Today(midnight));
    }

    [Fact]
    public void Once_notified_today_the_next_is_due_from_the_next_kst_midnight()
    {
        var notified = new DateOnly(2026, 4, 5);

        Assert.False(NoticeDue(Kst(2026, 4, 5, 0, 10), notified));
        Assert.False(NoticeDue(Kst(2026, 4, 5, 23, 59, 59), notified));
        Assert.True(NoticeDue(Kst(2026, 4, 6), notified));
    }

    [Fact]
    public void After_days_without_a_pass_one_notice_is_due_for_today()
    {
        var now = Kst(2026, 4, 9, 8, 0);

        Assert.True(NoticeDue(now, lastNotifiedOn: new DateOnly(2026, 4, 5)));
        // Sending it sets today: nothing more is owed for the days missed.
        Assert.False(NoticeDue(now, lastNotifiedOn: OverdueSchedule.Today(now)));
    }

    [Fact]
    public void A_returned_item_is_owed_no_notice_however_late_it_came_back()
    {
        Assert.False(NoticeDue(Kst(2026, 4, 10), returnedAt: Kst(2026, 4, 9, 18, 0)));
        Assert.False(NoticeDue(Kst(2026, 4, 10), lastNotifiedOn: new DateOnly(2026, 4, 8), returnedAt: Kst(2026, 4, 9, 18, 0)));
    }
}
