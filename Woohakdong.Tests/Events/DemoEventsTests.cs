using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Events;

/// <summary>The demo club has a past event with attendance, an upcoming free event and an upcoming paid one.</summary>
public sealed class DemoEventsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_club_shows_its_events_and_the_roster_its_attendance()
    {
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        long clubId;
        await using (var db = await app.DbAsync()) clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(Ct);

        var events = await app.CreateClient().GetFromJsonAsync<JsonElement[]>($"/v1/clubs/{clubId}/events", Ct);
        var now = DateTimeOffset.UtcNow;

        JsonElement Titled(string title) => Assert.Single(events!, e => e.GetProperty("title").GetString() == title);
        var (past, meeting, trip) = (Titled("정기 출사: 서울숲"), Titled("정기 모임"), Titled("봄 MT: 가평"));
        Assert.True(past.GetProperty("startsAt").GetDateTimeOffset() < now);
        Assert.All([meeting, trip], e => Assert.True(e.GetProperty("startsAt").GetDateTimeOffset() > now));
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Number], new[] { meeting, trip }.Select(e => e.GetProperty("fee").ValueKind));
        var attendees = await president.Client.GetFromJsonAsync<JsonElement[]>($"/v1/events/{past.GetProperty("eventId").GetInt64()}/signups", Ct);
        Assert.Contains(attendees!, a => a.GetProperty("checkedInAt").ValueKind == JsonValueKind.String);
        Assert.Contains(attendees!, a => a.GetProperty("checkedInAt").ValueKind == JsonValueKind.Null);

        var full = Titled("특강: 필름 현상 체험");
        Assert.Equal((0, 2), (full.GetProperty("seatsLeft").GetInt32(), full.GetProperty("waitlisted").GetInt32()));
        var line = await president.Client.GetFromJsonAsync<JsonElement[]>($"/v1/events/{full.GetProperty("eventId").GetInt64()}/waitlist", Ct);
        Assert.Equal([1, 2], line!.Select(p => p.GetProperty("position").GetInt32()));
    }
}
