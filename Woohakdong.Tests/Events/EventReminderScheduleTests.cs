using Woohakdong.Core.Common;
using Woohakdong.Core.Events;

namespace Woohakdong.Tests.Events;

public sealed class EventReminderScheduleTests
{
    private static bool DueAt(DateTimeOffset now, DateTimeOffset startsAt, EventStatus status = EventStatus.Published, DateTimeOffset? sentAt = null) =>
        EventReminderSchedule.Due(now).Compile()(new ClubEvent { StartsAt = startsAt.ToUniversalTime(), Status = status, RemindersSentAt = sentAt });

    private static DateTimeOffset Kst(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, KoreanTime.Offset);

    [Theory]
    [InlineData(19, 0)]
    [InlineData(0, 30)]
    [InlineData(8, 0)]
    [InlineData(23, 59)]
    public void An_event_is_due_from_nine_KST_the_day_before_until_it_starts(int hour, int minute)
    {
        var start = Kst(15, hour, minute);

        Assert.Equal(Kst(14, 9), EventReminderSchedule.RemindAt(start));
        Assert.False(DueAt(Kst(14, 8, 59), start));
        Assert.True(DueAt(Kst(14, 9), start));
        Assert.True(DueAt(start.AddMinutes(-1), start));
        Assert.False(DueAt(start, start));
    }

    [Fact]
    public void An_event_two_days_ahead_a_reminded_one_and_an_unpublished_one_are_not_due()
    {
        Assert.False(DueAt(Kst(13, 23, 59), Kst(15, 0, 0)));
        Assert.False(DueAt(Kst(14, 9), Kst(15, 19), sentAt: Kst(14, 9)));
        Assert.False(DueAt(Kst(14, 9), Kst(15, 19), EventStatus.Cancelled));
        Assert.False(DueAt(Kst(14, 9), Kst(15, 19), EventStatus.Draft));
    }
}
