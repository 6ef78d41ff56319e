using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Events;

/// <summary><c>POST /v1/events/{eventId}/checkins</c> end to end: the signed ticket from <c>/v1/me/events</c>, once, by officers.</summary>
public sealed class CheckInsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> EventAsync(ApiAccounts.SignedIn president, long clubId)
    {
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(KoreanTime.Offset).Date.AddDays(10).AddHours(19), KoreanTime.Offset);
        var created = await president.Client.PostAsJsonAsync($"/v1/clubs/{clubId}/events", new
        {
            title = "정기 모임", place = "학생회관 301호", startsAt = start, endsAt = start.AddHours(2), audience = "ANYONE", status = "PUBLISHED",
        }, Ct);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
    }

    [Fact]
    public async Task An_officer_checks_a_ticket_in_once_and_everyone_else_is_refused()
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync($"ci-{Guid.NewGuid():N}"[..20]);
        var eventId = await EventAsync(president, club.Id);
        var otherEventId = await EventAsync(president, club.Id);
        var officer = await app.SignUpAsync();
        await app.GrantRoleAsync(officer, club.Id, ClubRole.Officer);
        var member = await app.SignUpAsync();
        await app.GrantRoleAsync(member, club.Id, ClubRole.Member);
        var student = await app.StudentAsync("박출석");
        (await student.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct)).EnsureSuccessStatusCode();
        var ticket = (await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct))[0].GetProperty("checkInTicket").GetString();

        Assert.Equal(ErrorCodes.Forbidden, await (await member.Client.PostAsJsonAsync($"/v1/events/{eventId}/checkins", new { ticket }, Ct))
            .ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(ErrorCodes.InvalidTicket, await (await officer.Client.PostAsJsonAsync($"/v1/events/{otherEventId}/checkins", new { ticket }, Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.InvalidTicket, await (await officer.Client.PostAsJsonAsync($"/v1/events/{eventId}/checkins", new { ticket = ticket![..^2] }, Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        var checkedIn = await officer.Client.PostAsJsonAsync($"/v1/events/{eventId}/checkins", new { ticket }, Ct);
        Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
        var body = await checkedIn.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["name", "checkedInAt"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("박출석", body.GetProperty("name").GetString());
        Assert.Equal(ErrorCodes.AlreadyCheckedIn, await (await president.Client.PostAsJsonAsync($"/v1/events/{eventId}/checkins", new { ticket }, Ct))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        var attendees = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/events/{eventId}/signups", Ct);
        Assert.Equal(body.GetProperty("checkedInAt").GetDateTimeOffset(), attendees[0].GetProperty("checkedInAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/v1/events/{eventId}/checkins", new { ticket }, Ct)).StatusCode);
    }
}
