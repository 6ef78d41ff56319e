using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Events;

/// <summary>Events under /v1 end to end: shapes, refusals as problems with their codes, and who may do what.</summary>
public sealed class EventsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid event to create; the authorization tests make theirs with it too.</summary>
    internal static object Body(int? capacity = 2, string audience = "ANYONE", string? status = "PUBLISHED", int endsAfterHours = 3)
    {
        var startsAt = DateTimeOffset.UtcNow.ToOffset(KoreanTime.Offset).Date.AddDays(10).AddHours(19);
        var start = new DateTimeOffset(startsAt, KoreanTime.Offset);
        return new
        {
            title = "정기 모임", description = "간식 있어요.", place = "학생회관 301호", startsAt = start, endsAt = start.AddHours(endsAfterHours),
            capacity, audience, signupClosesAt = start.AddHours(-2), cancelDeadline = start.AddDays(-2), status,
        };
    }

    [Fact]
    public async Task An_officer_creates_a_student_signs_up_sees_the_ticket_and_cancels()
    {
        var president = await app.StudentAsync();
        var club = await president.CreateClubAsync($"ev-{Guid.NewGuid():N}"[..20]);
        var created = await president.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
        var student = await app.StudentAsync();

        var signup = await student.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct);
        Assert.Equal(HttpStatusCode.Created, signup.StatusCode);
        var body = await signup.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["signupId", "status"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CONFIRMED", body.GetProperty("status").GetString());
        Assert.Equal(ErrorCodes.AlreadySignedUp, await (await student.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct))
            .ProblemCodeAsync(HttpStatusCode.Conflict));

        var listed = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/v1/clubs/{club.Id}/events", Ct);
        Assert.Equal((1, "PUBLISHED"), (listed[0].GetProperty("seatsLeft").GetInt32(), listed[0].GetProperty("status").GetString()));
        var mine = await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct);
        Assert.Matches("^[0-9a-f]{32}$", mine[0].GetProperty("ticketCode").GetString());
        var attendees = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/events/{eventId}/signups", Ct);
        Assert.Equal(("김학생", "20260001", false), (attendees[0].GetProperty("name").GetString(),
            attendees[0].GetProperty("studentNumber").GetString(), attendees[0].GetProperty("paid").GetBoolean()));

        Assert.Equal(HttpStatusCode.NoContent, (await student.Client.DeleteAsync($"/v1/events/{eventId}/signups/me", Ct)).StatusCode);
        Assert.Equal(ErrorCodes.SignupNotFound, await (await student.Client.DeleteAsync($"/v1/events/{eventId}/signups/me", Ct))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_full_event_offers_its_waitlist_and_the_freed_seat_reaches_the_first_in_line()
    {
        var president = await app.StudentAsync();
        var club = await president.CreateClubAsync($"ev-{Guid.NewGuid():N}"[..20]);
        var eventId = (await (await president.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(capacity: 1), Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
        var (holder, first, second, outsider) = (await app.StudentAsync(), await app.StudentAsync(), await app.StudentAsync(), await app.StudentAsync());
        Assert.Equal(ErrorCodes.SeatsAvailable, await (await first.Client.PostAsync($"/v1/events/{eventId}/waitlist", null, Ct))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        await holder.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct);

        var full = await first.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct);
        var refusal = await full.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((HttpStatusCode.Conflict, ErrorCodes.Full, true),
            (full.StatusCode, refusal.GetProperty("code").GetString(), refusal.GetProperty("waitlist").GetBoolean()));
        foreach (var (student, position) in new[] { (first, 1), (second, 2) })
        {
            var joined = await student.Client.PostAsync($"/v1/events/{eventId}/waitlist", null, Ct);
            Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
            Assert.Equal(position, (await joined.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("position").GetInt32());
        }
        Assert.Equal(ErrorCodes.AlreadyWaitlisted, await (await first.Client.PostAsync($"/v1/events/{eventId}/waitlist", null, Ct))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(ErrorCodes.Forbidden, await (await outsider.Client.GetAsync($"/v1/events/{eventId}/waitlist", Ct)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(2, (await president.Client.GetFromJsonAsync<JsonElement>($"/v1/events/{eventId}/waitlist", Ct)).GetArrayLength());
        var mine = (await second.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct))[0];
        Assert.Equal(("WAITLISTED", 2), (mine.GetProperty("status").GetString(), mine.GetProperty("waitlistPosition").GetInt32()));

        // The holder's cancellation wakes this instance's offers: the first in line is signed up, the second moves up.
        Assert.Equal(HttpStatusCode.NoContent, (await holder.Client.DeleteAsync($"/v1/events/{eventId}/signups/me", Ct)).StatusCode);
        await Eventually.TrueAsync(async () =>
            (await first.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct))[0].GetProperty("status").GetString() == "CONFIRMED",
            "the first in line is signed up", Ct);
        Assert.Equal(1, (await second.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct))[0].GetProperty("waitlistPosition").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await second.Client.DeleteAsync($"/v1/events/{eventId}/signups/me", Ct)).StatusCode);
        Assert.Equal(0, (await second.Client.GetFromJsonAsync<JsonElement>("/v1/me/events", Ct)).GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_and_the_wrong_callers_are_refused_with_stable_codes()
    {
        var president = await app.StudentAsync();
        var club = await president.CreateClubAsync($"ev-{Guid.NewGuid():N}"[..20]);
        var eventId = (await (await president.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(audience: "MEMBERS"), Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetInt64();
        var student = await app.StudentAsync();
        var otherOfficer = await app.StudentAsync();
        await otherOfficer.CreateClubAsync($"ev-{Guid.NewGuid():N}"[..20]);
        var member = await app.StudentAsync();
        await app.GrantRoleAsync(member, club.Id, ClubRole.Member);

        Assert.Equal(ErrorCodes.EventTimesInvalid, await (await president.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(endsAfterHours: -1), Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.InvalidInput, await (await president.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(audience: "FRIENDS"), Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.NotAllowed, await (await student.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        foreach (var outsider in new[] { member, otherOfficer })
        {
            Assert.Equal(ErrorCodes.Forbidden, await (await outsider.Client.PutAsJsonAsync($"/v1/events/{eventId}", Body(), Ct)).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal(ErrorCodes.Forbidden, await (await outsider.Client.PostAsync($"/v1/events/{eventId}/cancel", null, Ct)).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal(ErrorCodes.Forbidden, await (await outsider.Client.GetAsync($"/v1/events/{eventId}/signups", Ct)).ProblemCodeAsync(HttpStatusCode.Forbidden));
            Assert.Equal(ErrorCodes.Forbidden, await (await outsider.Client.PostAsJsonAsync($"/v1/clubs/{club.Id}/events", Body(), Ct)).ProblemCodeAsync(HttpStatusCode.Forbidden));
        }
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct)).StatusCode);
        Assert.Equal(ErrorCodes.CapacityInvalid, await (await president.Client.PutAsJsonAsync($"/v1/events/{eventId}", Body(capacity: 0), Ct))
            .ProblemCodeAsync(HttpStatusCode.BadRequest));
    }
}
