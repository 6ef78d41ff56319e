using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;
using IcalCalendar = Ical.Net.Calendar;

namespace Woohakdong.Tests.Calendar;

/// <summary>iCalendar feeds read back with Ical.Net: the events, their KST times and stable UIDs, and what a token opens.</summary>
public abstract class CalendarFeedTests(SeatFixture fixture)
{
    private static readonly Uri Site = new("https://woohakdong.test/");
    private readonly SeatHarness harness = fixture.Harness;
    private readonly CalendarSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CalendarFeedCreated> CreateFeedAsync(Guid user, long? clubId) =>
        harness.As<CalendarFeeds, CalendarFeedCreated>(user, feeds => feeds.CreateAsync(clubId, Ct));

    private async Task<IcalCalendar> ReadAsync(string token) =>
        IcalCalendar.Load(await steps.AsAsync<CalendarFeeds, string>(null, feeds => feeds.ReadAsync(token, Site, Ct)))!;

    private async Task<string> RefusalAsync(string token) =>
        (await Assert.ThrowsAsync<AppException>(() => ReadAsync(token))).Code;

    [Fact]
    public async Task A_club_feed_parses_back_with_its_events_in_KST_stable_uids_and_cancellations()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var late = await steps.EventAsync(club, CalendarSteps.Kst(4, 30, 23, 30), "4월 마지막 밤");
        var cancelled = await steps.EventAsync(club, CalendarSteps.Kst(4, 20, 19), "취소된 출사");
        await steps.CancelAsync(club, cancelled.EventId);
        var member = await steps.Events.MemberAsync(club);
        var feed = await CreateFeedAsync(member, club.ClubId);

        var calendar = await ReadAsync(feed.Token);

        var lateEvent = calendar.Events.Single(e => e.Summary == "4월 마지막 밤");
        Assert.Equal(IcsDocument.Uid(late.EventId), lateEvent.Uid);
        Assert.Equal(IcsDocument.TimeZoneId, lateEvent.DtStart!.TzId);
        Assert.Equal(CalendarSteps.Kst(4, 30, 23, 30).UtcDateTime, lateEvent.DtStart.AsUtc);
        Assert.Equal(CalendarSteps.Kst(5, 1, 1, 30).UtcDateTime, lateEvent.DtEnd!.AsUtc);
        Assert.Equal(("간식 있어요.", "학생회관 301호"), (lateEvent.Description, lateEvent.Location));
        Assert.Equal(new Uri(Site, $"events/{late.EventId}"), lateEvent.Url);
        Assert.Equal("CONFIRMED", lateEvent.Status);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Summary == "취소된 출사").Status);
        Assert.Contains(calendar.TimeZones, zone => zone.TzId == IcsDocument.TimeZoneId);
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), (await ReadAsync(feed.Token)).Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task A_feed_applies_its_owners_visibility_at_read_time()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 11, 19), "회원 모임", EventAudience.Members);
        await steps.EventAsync(club, CalendarSteps.Kst(4, 12, 19), "공개 모임");
        var member = await steps.Events.MemberAsync(club);
        var clubFeed = await CreateFeedAsync(member, club.ClubId);
        var myFeed = await CreateFeedAsync(member, null);
        Assert.Equal(["공개 모임", "회원 모임"], (await ReadAsync(clubFeed.Token)).Events.Select(e => e.Summary).Order());
        Assert.Equal(2, (await ReadAsync(myFeed.Token)).Events.Count);

        await steps.LeaveAsync(member, club.ClubId);

        Assert.Equal(["공개 모임"], (await ReadAsync(clubFeed.Token)).Events.Select(e => e.Summary));
        Assert.Empty((await ReadAsync(myFeed.Token)).Events);
    }

    [Fact]
    public async Task Revoked_replaced_and_unknown_tokens_are_not_found_and_only_a_hash_is_stored()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var student = await harness.CreateStudentAsync();
        var first = await CreateFeedAsync(student, club.ClubId);
        var mine = await CreateFeedAsync(student, null);
        await using (var db = await harness.DbAsync())
        {
            var stored = await db.CalendarFeeds.AsNoTracking().SingleAsync(f => f.Id == first.FeedId, Ct);
            Assert.True(first.Token.Length >= 43);
            Assert.Equal(FeedTokens.Hash(first.Token), stored.TokenHash);
            Assert.DoesNotContain(first.Token, stored.TokenHash);
        }

        var second = await CreateFeedAsync(student, club.ClubId);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await RefusalAsync(first.Token));
        Assert.NotNull(await ReadAsync(second.Token));
        Assert.NotNull(await ReadAsync(mine.Token));
        await harness.As<CalendarFeeds, bool>(student, async feeds => { await feeds.RevokeAsync(second.FeedId, Ct); return true; });
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await RefusalAsync(second.Token));
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await RefusalAsync(FeedTokens.New()));
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await RefusalAsync(""));
        Assert.Equal([mine.FeedId], (await harness.As<CalendarFeeds, IReadOnlyList<CalendarFeedView>>(student, feeds => feeds.MineAsync(Ct))).Select(f => f.FeedId));
    }

    [Fact]
    public async Task Only_the_owner_revokes_a_feed_and_a_feed_needs_a_known_club()
    {
        var owner = await harness.CreateStudentAsync();
        var other = await harness.CreateStudentAsync();
        var feed = await CreateFeedAsync(owner, null);

        var refusal = await Assert.ThrowsAsync<AppException>(() =>
            harness.As<CalendarFeeds, bool>(other, async feeds => { await feeds.RevokeAsync(feed.FeedId, Ct); return true; }));
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, refusal.Code);
        Assert.NotNull(await ReadAsync(feed.Token));
        Assert.Equal(ErrorCodes.ClubNotFound, (await Assert.ThrowsAsync<AppException>(() => CreateFeedAsync(owner, long.MaxValue))).Code);
    }
}

public sealed class SqliteCalendarFeedTests(SqliteSeatFixture fixture) : CalendarFeedTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresCalendarFeedTests(PostgresSeatFixture fixture) : CalendarFeedTests(fixture), IClassFixture<PostgresSeatFixture>;
