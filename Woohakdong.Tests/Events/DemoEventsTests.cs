using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;
using Woohakdong.Tests.Payments.PortOne;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Events;

/// <summary>
/// The demo club has a past event with attendance, an upcoming free event, an upcoming paid one, and a free and a paid
/// one that are full with students waiting.
/// </summary>
public sealed class DemoEventsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    internal const string Workshop = "유료 워크숍: 인물 사진 조명";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_club_shows_its_events_and_the_roster_its_attendance()
    {
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        var events = await EventsAsync();
        var now = DateTimeOffset.UtcNow;

        JsonElement Titled(string title) => Assert.Single(events, e => e.GetProperty("title").GetString() == title);
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

    [Fact]
    public async Task The_paid_workshop_is_full_of_paid_sign_ups_with_the_demo_student_first_in_line()
    {
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        var workshop = Assert.Single(await EventsAsync(), e => e.GetProperty("title").GetString() == Workshop);
        var workshopId = workshop.GetProperty("eventId").GetInt64();
        Assert.True(workshop.GetProperty("startsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal((12_000, 0, 2), (workshop.GetProperty("fee").GetInt64(), workshop.GetProperty("seatsLeft").GetInt32(), workshop.GetProperty("waitlisted").GetInt32()));

        var attendees = await president.Client.GetFromJsonAsync<JsonElement[]>($"/v1/events/{workshopId}/signups", Ct);
        Assert.Equal(3, attendees!.Length);
        Assert.All(attendees, a => Assert.Equal(("CONFIRMED", true), (a.GetProperty("status").GetString(), a.GetProperty("paid").GetBoolean())));
        var line = await president.Client.GetFromJsonAsync<JsonElement[]>($"/v1/events/{workshopId}/waitlist", Ct);
        Assert.Equal([1, 2], line!.Select(p => p.GetProperty("position").GetInt32()));
        var student = await app.SignInAsync(DemoData.StudentEmail);
        var mine = (await student.Client.GetFromJsonAsync<JsonElement[]>("/v1/me/events", Ct))!.Single(e => e.GetProperty("eventId").GetInt64() == workshopId);
        Assert.Equal(("WAITLISTED", 1), (mine.GetProperty("status").GetString(), mine.GetProperty("waitlistPosition").GetInt32()));

        await using var db = await app.DbAsync();
        var orders = await db.JoinOrders.Where(o => o.PoolId == workshopId).ToListAsync(Ct);
        Assert.Equal(3, orders.Count);
        Assert.All(orders, o => Assert.Equal((OrderStatus.Completed, 12_000L, GatewayVersion.V1), (o.Status, o.Amount, o.GatewayVersion)));
        Assert.All(orders, o => Assert.StartsWith("imp_", o.ImpUid));
    }

    private async Task<JsonElement[]> EventsAsync()
    {
        long clubId;
        await using (var db = await app.DbAsync()) clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(Ct);
        return (await app.CreateClient().GetFromJsonAsync<JsonElement[]>($"/v1/clubs/{clubId}/events", Ct))!;
    }
}

/// <summary>The demo's paid workshop on a real port, where the gateway reaches the app's own PortOne sandbox.</summary>
public sealed class DemoPaidEventTests(DemoPaidEventTests.DemoSandboxApp sandbox) : IClassFixture<DemoPaidEventTests.DemoSandboxApp>
{
    public sealed class DemoSandboxApp() : SandboxApp(new DemoAppFactory());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_attendee_who_cancels_is_refunded_and_the_demo_student_is_offered_the_seat_and_pays_for_it()
    {
        long eventId;
        JoinOrder order;
        string attendee;
        await using (var db = await sandbox.App.DbAsync())
        {
            eventId = await db.Events.Where(e => e.Title == DemoEventsTests.Workshop).Select(e => e.Id).SingleAsync(Ct);
            order = await db.JoinOrders.Where(o => o.PoolId == eventId).OrderBy(o => o.Id).FirstAsync(Ct);
            attendee = await db.Users.Where(u => u.Id == order.UserId).Select(u => u.Email!).SingleAsync(Ct);
        }
        Assert.Equal("member3@woohakdong.kr", attendee);
        var paying = await sandbox.App.SignInAsync(attendee);
        var student = await sandbox.App.SignInAsync(DemoData.StudentEmail);

        Assert.Equal(HttpStatusCode.NoContent, (await paying.Client.DeleteAsync($"/v1/events/{eventId}/signups/me", Ct)).StatusCode);
        Assert.Equal(("cancelled", 12_000L), (sandbox.Store.Get(order.ImpUid!)!.Status, sandbox.Store.Get(order.ImpUid!)!.CancelAmount));
        await using (var db = await sandbox.App.DbAsync())
            Assert.Equal(OrderStatus.Refunded, await db.JoinOrders.Where(o => o.Id == order.Id).Select(o => o.Status).SingleAsync(Ct));

        // The refund freed the seat; this instance's offers hold it for the first in line, the demo student.
        JsonElement offer = default;
        await Eventually.TrueAsync(async () =>
        {
            offer = (await student.Client.GetFromJsonAsync<JsonElement[]>("/v1/me/events", Ct))!.Single(e => e.GetProperty("eventId").GetInt64() == eventId);
            return offer.GetProperty("status").GetString() == "OFFERED";
        }, "the demo student is offered the seat", Ct);
        Assert.Equal(JsonValueKind.String, offer.GetProperty("offerExpiresAt").ValueKind);

        var started = await (await student.Client.PostAsJsonAsync($"/v1/events/{eventId}/signups", new { }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("PENDING_PAYMENT", 12_000L), (started.GetProperty("status").GetString(), started.GetProperty("amount").GetInt64()));
        (await sandbox.Http.PostAsJsonAsync("buyer/pay", new { merchant_uid = started.GetProperty("merchantUid").GetString(), amount = 12_000 }, Ct))
            .EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () =>
            (await student.Client.GetFromJsonAsync<JsonElement[]>("/v1/me/events", Ct))!
                .Single(e => e.GetProperty("eventId").GetInt64() == eventId).GetProperty("status").GetString() == "CONFIRMED",
            "the webhook of the student's payment confirms the seat", Ct);
    }
}
