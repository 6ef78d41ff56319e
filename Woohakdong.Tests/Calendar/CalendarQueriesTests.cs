using Woohakdong.Core.Calendar;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Calendar;

/// <summary>A club's calendar and 내 일정: KST month boundaries and who sees which events. The harness's today is 2026-04-01 (KST).</summary>
public abstract class CalendarQueriesTests(SeatFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly CalendarSteps steps = new(fixture.Harness);
    private static readonly CalendarRange March = CalendarRange.Month(2026, 3);
    private static readonly CalendarRange April = CalendarRange.Month(2026, 4);

    [Fact]
    public async Task A_month_begins_and_ends_at_midnight_in_KST_not_in_UTC()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.EventAsync(club, CalendarSteps.Kst(3, 1, 0, 30), "3월 첫 밤");
        await steps.EventAsync(club, CalendarSteps.Kst(3, 31, 23, 30), "3월 마지막 밤");
        await steps.EventAsync(club, CalendarSteps.Kst(4, 1, 0, 30), "4월 첫 밤");

        var march = await steps.ClubAsync(null, club.ClubId, March);

        Assert.Equal(["3월 첫 밤", "3월 마지막 밤"], march.Events.Select(e => e.Title));
        Assert.Equal(["4월 첫 밤"], await steps.TitlesAsync(null, club.ClubId, April));
        Assert.Equal("2026-03", march.Month);
        var last = march.Events[1];
        Assert.Equal((KoreanTime.Offset, 31, 23, 30), (last.StartsAt.Offset, last.StartsAt.Day, last.StartsAt.Hour, last.StartsAt.Minute));
        Assert.Equal(CalendarSteps.Kst(3, 31, 23, 30), last.StartsAt);
    }

    [Fact]
    public async Task Visitors_see_public_events_members_see_member_events_and_only_officers_see_drafts()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 10, 19), "공개 모임");
        await steps.EventAsync(club, CalendarSteps.Kst(4, 11, 19), "회원 모임", EventAudience.Members);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 12, 19), "준비 중", publish: false);
        var cancelled = await steps.EventAsync(club, CalendarSteps.Kst(4, 13, 19), "취소된 출사");
        await steps.CancelAsync(club, cancelled.EventId);
        var member = await steps.Events.MemberAsync(club);
        var outsider = await harness.CreateStudentAsync();

        Assert.Equal(["공개 모임", "취소된 출사"], await steps.TitlesAsync(null, club.ClubId, April));
        Assert.Equal(["공개 모임", "취소된 출사"], await steps.TitlesAsync(outsider, club.ClubId, April));
        Assert.Equal(["공개 모임", "회원 모임", "취소된 출사"], await steps.TitlesAsync(member, club.ClubId, April));
        Assert.Equal(["공개 모임", "회원 모임", "준비 중", "취소된 출사"], await steps.TitlesAsync(club.President, club.ClubId, April));
        Assert.Equal(EventStatus.Cancelled, (await steps.ClubAsync(member, club.ClubId, April)).Events[^1].Status);
    }

    [Fact]
    public async Task A_member_who_left_no_longer_sees_member_events()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 11, 19), "회원 모임", EventAudience.Members);
        var member = await steps.Events.MemberAsync(club);
        Assert.Equal(["회원 모임"], await steps.TitlesAsync(member, club.ClubId, April));

        await steps.LeaveAsync(member, club.ClubId);

        Assert.Empty(await steps.TitlesAsync(member, club.ClubId, April));
        Assert.Empty(await steps.MineAsync(member, April));
    }

    [Fact]
    public async Task My_calendar_has_my_sign_ups_in_any_club_and_my_clubs_events_but_not_their_drafts()
    {
        var mine = await harness.CreateClubAsync(seatLimit: 50);
        var other = await harness.CreateClubAsync(seatLimit: 50);
        var student = await steps.Events.MemberAsync(mine);
        await steps.EventAsync(mine, CalendarSteps.Kst(4, 5, 19), "우리 회원 모임", EventAudience.Members);
        await steps.EventAsync(mine, CalendarSteps.Kst(4, 6, 19), "우리 공개 모임");
        await steps.EventAsync(mine, CalendarSteps.Kst(4, 7, 19), "우리 준비 중", publish: false);
        var signedUp = await steps.EventAsync(other, CalendarSteps.Kst(4, 8, 19), "남의 공연");
        await steps.EventAsync(other, CalendarSteps.Kst(4, 9, 19), "남의 다른 공연");
        var givenUp = await steps.EventAsync(other, CalendarSteps.Kst(4, 10, 19), "취소한 신청");
        var cancelled = await steps.EventAsync(other, CalendarSteps.Kst(4, 11, 19), "취소된 축제");
        await steps.EventAsync(mine, CalendarSteps.Kst(5, 1, 0, 30), "다음 달");
        foreach (var clubEvent in new[] { signedUp, givenUp, cancelled })
            await steps.Events.SignUpAsync(student, clubEvent.EventId);
        await steps.Events.CancelMineAsync(student, givenUp.EventId);
        await steps.CancelAsync(other, cancelled.EventId);

        var calendar = await steps.MineAsync(student, April);

        Assert.Equal(["우리 회원 모임", "우리 공개 모임", "남의 공연", "취소된 축제"], calendar.Select(e => e.Title));
        Assert.Equal([false, false, true, false], calendar.Select(e => e.SignedUp));
        Assert.Equal((other.ClubId, EventStatus.Cancelled), (calendar[^1].ClubId, calendar[^1].Status));
        Assert.Equal(["다음 달"], (await steps.MineAsync(student, new CalendarRange(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1)))).Select(e => e.Title));
    }

    [Fact]
    public async Task The_club_pages_upcoming_events_are_the_next_published_ones_the_caller_may_see()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.EventAsync(club, CalendarSteps.Kst(3, 30, 19), "지난 모임");
        await steps.EventAsync(club, CalendarSteps.Kst(4, 3, 19), "회원 모임", EventAudience.Members);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 4, 19), "준비 중", publish: false);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 2, 19), "공개 모임");
        var cancelled = await steps.EventAsync(club, CalendarSteps.Kst(4, 5, 19), "취소된 출사");
        await steps.CancelAsync(club, cancelled.EventId);
        var member = await steps.Events.MemberAsync(club);

        async Task<IEnumerable<string>> Upcoming(Guid? viewer, int count = CalendarQueries.UpcomingCount) =>
            (await steps.AsAsync<CalendarQueries, IReadOnlyList<CalendarEntry>>(viewer, q => q.UpcomingAsync(club.ClubId, count, TestContext.Current.CancellationToken)))
            .Select(e => e.Title);

        Assert.Equal(["공개 모임"], await Upcoming(null));
        Assert.Equal(["공개 모임", "회원 모임"], await Upcoming(member));
        Assert.Equal(["공개 모임"], await Upcoming(member, count: 1));
        Assert.Equal(["공개 모임", "회원 모임"], await Upcoming(club.President));
    }

    [Fact]
    public async Task An_unknown_club_has_no_calendar()
    {
        var refusal = await Assert.ThrowsAsync<AppException>(() => steps.ClubAsync(null, long.MaxValue, April));
        Assert.Equal(ErrorCodes.ClubNotFound, refusal.Code);
    }

    [Theory]
    [InlineData("2026-13"), InlineData("2026-3"), InlineData("March"), InlineData("2026-03-01")]
    public void A_malformed_month_is_refused(string month) =>
        Assert.Equal(ErrorCodes.CalendarMonthInvalid, Assert.Throws<AppException>(() => CalendarRange.ParseMonth(month, TimeProvider.System)).Code);

    [Theory]
    [InlineData("2026-03-10", "2026-03-09", ErrorCodes.CalendarRangeInvalid)]
    [InlineData("2026-3-1", null, ErrorCodes.CalendarRangeInvalid)]
    [InlineData("2026-01-01", "2027-01-02", ErrorCodes.CalendarRangeTooLong)]
    public void A_bad_range_is_refused(string from, string? to, string code) =>
        Assert.Equal(code, Assert.Throws<AppException>(() => CalendarRange.ParseDays(from, to, TimeProvider.System)).Code);

    [Fact]
    public void A_range_of_days_spans_whole_KST_days()
    {
        var range = CalendarRange.ParseDays("2026-03-01", "2026-03-31", TimeProvider.System);
        Assert.Equal((new DateTimeOffset(2026, 2, 28, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero)), (range.Start, range.End));
        Assert.Equal(CalendarRange.Month(2026, 3), range);
        Assert.Equal(366, (CalendarRange.ParseDays("2026-01-01", "2027-01-01", TimeProvider.System).LastDay.DayNumber - new DateOnly(2026, 1, 1).DayNumber) + 1);
    }
}

public sealed class SqliteCalendarQueriesTests(SqliteSeatFixture fixture) : CalendarQueriesTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresCalendarQueriesTests(PostgresSeatFixture fixture) : CalendarQueriesTests(fixture), IClassFixture<PostgresSeatFixture>;
