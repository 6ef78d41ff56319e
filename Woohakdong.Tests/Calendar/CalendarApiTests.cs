using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;
using IcalCalendar = Ical.Net.Calendar;

namespace Woohakdong.Tests.Calendar;

/// <summary>Calendars and feeds over HTTP: shapes, the .ics answer, and every refusal as a problem with its code.</summary>
public sealed class CalendarApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset NextWeekEvening =>
        new(DateTimeOffset.UtcNow.ToKst().Date.AddDays(7).AddHours(19), KoreanTime.Offset);

    private static async Task<long> CreateEventAsync(ApiAccounts.SignedIn officer, long clubId, string title, string audience)
    {
        var start = NextWeekEvening;
        var created = await officer.Client.PostAsJsonAsync($"/v1/clubs/{clubId}/events", new
        {
            title, description = "간식 있어요.", place = "학생회관 301호", startsAt = start, endsAt = start.AddHours(2), audience, status = "PUBLISHED",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
    }

    private async Task<(ApiAccounts.SignedIn President, long ClubId)> ClubAsync()
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync($"cal-{Guid.NewGuid():N}"[..20]);
        return (president, club.Id);
    }

    [Fact]
    public async Task A_member_reads_the_month_and_my_calendar_and_a_feed_url_serves_text_calendar_until_revoked()
    {
        var (president, clubId) = await ClubAsync();
        var eventId = await CreateEventAsync(president, clubId, "회원 모임", "MEMBERS");
        var member = await app.SignUpAsync();
        await app.GrantRoleAsync(member, clubId, ClubRole.Member);
        var month = NextWeekEvening.ToString("yyyy-MM");

        var calendar = await member.Client.GetFromJsonAsync<JsonElement>($"/v1/clubs/{clubId}/calendar?month={month}", Ct);
        Assert.Equal(month, calendar.GetProperty("month").GetString());
        Assert.Equal(("회원 모임", "MEMBERS", "PUBLISHED"), (calendar.GetProperty("events")[0].GetProperty("title").GetString(),
            calendar.GetProperty("events")[0].GetProperty("audience").GetString(), calendar.GetProperty("events")[0].GetProperty("status").GetString()));
        Assert.EndsWith("+09:00", calendar.GetProperty("events")[0].GetProperty("startsAt").GetString());
        Assert.Empty((await app.CreateClient().GetFromJsonAsync<JsonElement>($"/v1/clubs/{clubId}/calendar?month={month}", Ct)).GetProperty("events").EnumerateArray());
        var day = NextWeekEvening.ToString("yyyy-MM-dd");
        var mine = await member.Client.GetFromJsonAsync<JsonElement>($"/v1/me/calendar?from={day}&to={day}", Ct);
        Assert.Equal(eventId, mine[0].GetProperty("eventId").GetInt64());

        var created = await member.Client.PostAsJsonAsync("/v1/me/calendar-feeds", new { clubId }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feed = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = new Uri(feed.GetProperty("url").GetString()!);
        Assert.Matches("^/calendar/[A-Za-z0-9_-]{43}\\.ics$", url.AbsolutePath);

        var anonymous = app.CreateClient();
        var ics = await anonymous.GetAsync(url.PathAndQuery, Ct);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var parsed = IcalCalendar.Load(await ics.Content.ReadAsStringAsync(Ct))!;
        var vevent = Assert.Single(parsed.Events);
        Assert.Equal((IcsDocument.Uid(eventId), NextWeekEvening.UtcDateTime), (vevent.Uid, vevent.DtStart!.AsUtc));
        Assert.EndsWith($"/events/{eventId}", vevent.Url!.AbsolutePath);

        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/v1/me/calendar-feeds/{feed.GetProperty("feedId").GetInt64()}", Ct)).StatusCode);
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await (await anonymous.GetAsync(url.PathAndQuery, Ct)).ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await (await anonymous.GetAsync($"/calendar/{FeedTokens.New()}.ics", Ct)).ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Bad_months_ranges_clubs_and_feeds_are_refused_with_stable_codes()
    {
        var (president, clubId) = await ClubAsync();
        var client = president.Client;
        foreach (var month in new[] { "2026-13", "2026-3", "abc", "2026-03-01" })
            Assert.Equal(ErrorCodes.CalendarMonthInvalid, await (await client.GetAsync($"/v1/clubs/{clubId}/calendar?month={month}", Ct))
                .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.ClubNotFound, await (await client.GetAsync($"/v1/clubs/{long.MaxValue}/calendar?month=2026-03", Ct))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal(ErrorCodes.CalendarRangeInvalid, await (await client.GetAsync("/v1/me/calendar?from=2026-03-10&to=2026-03-01", Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.CalendarRangeInvalid, await (await client.GetAsync("/v1/me/calendar?from=yesterday", Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.CalendarRangeTooLong, await (await client.GetAsync("/v1/me/calendar?from=2026-01-01&to=2027-06-01", Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.Unauthorized, await (await app.CreateClient().GetAsync("/v1/me/calendar", Ct))
            .ProblemCodeAsync(HttpStatusCode.Unauthorized));
        Assert.Equal(ErrorCodes.ClubNotFound, await (await client.PostAsJsonAsync("/v1/me/calendar-feeds", new { clubId = long.MaxValue }, Ct))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal(ErrorCodes.InvalidInput, await (await client.PostAsJsonAsync("/v1/me/calendar-feeds", new { clubId = "x" }, Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await (await client.DeleteAsync("/v1/me/calendar-feeds/999999", Ct))
            .ProblemCodeAsync(HttpStatusCode.NotFound));

        var mine = await (await client.PostAsJsonAsync("/v1/me/calendar-feeds", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("clubId").ValueKind);
        var other = await app.SignUpAsync();
        Assert.Equal(ErrorCodes.CalendarFeedNotFound, await (await other.Client.DeleteAsync($"/v1/me/calendar-feeds/{mine.GetProperty("feedId").GetInt64()}", Ct))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        var feeds = await client.GetFromJsonAsync<JsonElement>("/v1/me/calendar-feeds", Ct);
        Assert.Equal(mine.GetProperty("feedId").GetInt64(), Assert.Single(feeds.EnumerateArray()).GetProperty("feedId").GetInt64());
    }
}
