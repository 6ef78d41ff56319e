using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>
/// Steps and facts of events, as the tests say them. The harness's clock is shared by a test class and only moves on, so
/// each event is set in the days after "now": it starts at 19:00 KST nine days on, its cancellation deadline is 23:59 KST
/// two days before.
/// </summary>
public sealed class EventSteps(SeatHarness harness)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public DateTimeOffset Start => new DateTimeOffset(DateOnly.FromDateTime(harness.Time.GetUtcNow().ToKst().DateTime).AddDays(9), new TimeOnly(19, 0), KoreanTime.Offset);

    public DateTimeOffset CancelDeadline => new(DateOnly.FromDateTime(Start.DateTime).AddDays(-2), new TimeOnly(23, 59), KoreanTime.Offset);

    public EventInput Input(int? capacity = 10, long? fee = null, EventAudience audience = EventAudience.Anyone) =>
        new("정기 모임", "간식 있어요.", "학생회관 301호", Start, Start.AddHours(3), capacity, fee, audience,
            SignupOpensAt: null, SignupClosesAt: Start.AddHours(-2), CancelDeadline: CancelDeadline);

    public Task<EventView> CreateAsync(OpenClub club, EventInput input, bool publish = true) =>
        harness.As<EventService, EventView>(club.President, events => events.CreateAsync(club.ClubId, input, publish, Ct));

    public Task<SignupStarted> SignUpAsync(Guid student, long eventId, string? merchantUid = null) =>
        harness.As<EventSignups, SignupStarted>(student, signups => signups.SignUpAsync(eventId, merchantUid, Ct));

    public Task CancelMineAsync(Guid student, long eventId) =>
        harness.As<EventSignups, bool>(student, async signups =>
        {
            await signups.CancelMineAsync(eventId, Ct);
            return true;
        });

    /// <summary>A new student signs up to the paid event and pays; the webhook confirms the sign-up.</summary>
    public async Task<(Guid Student, SignupStarted Started, GatewayPayment Payment)> PaidSignupAsync(
        EventView clubEvent, PaymentSteps payments, FakePaymentGateway gateway, Guid? student = null)
    {
        var who = student ?? await harness.CreateStudentAsync();
        var started = await SignUpAsync(who, clubEvent.EventId);
        var payment = gateway.Pay(started.MerchantUid!, started.Amount!.Value);
        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);
        Assert.Equal(SignupStatus.Confirmed, (await SignupAsync(started.SignupId)).Status);
        return (who, started, payment);
    }

    /// <summary>A student who is a member of the club this term (joined its free group).</summary>
    public async Task<Guid> MemberAsync(OpenClub club)
    {
        var student = await harness.CreateStudentAsync();
        await harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(club.GroupId, Ct));
        return student;
    }

    /// <summary>A student who holds <paramref name="role"/> in the club this term.</summary>
    public async Task<Guid> WithRoleAsync(OpenClub club, ClubRole role)
    {
        var user = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership { ClubId = club.ClubId, UserId = user, Role = role, TermKey = Term.Current(harness.Time).Key });
        await db.SaveChangesAsync(Ct);
        return user;
    }

    /// <summary>The signed ticket my QR code carries, as <c>GET /v1/me/events</c> gives it.</summary>
    public async Task<string> TicketAsync(Guid student, long eventId) =>
        (await harness.As<EventSignups, IReadOnlyList<MySignup>>(student, signups => signups.MineAsync(Ct)))
        .Single(s => s.EventId == eventId && s.Status == MyEventStatus.Confirmed).CheckInTicket!;

    public Task<CheckedIn> CheckInAsync(Guid officer, long eventId, string? ticket) =>
        harness.As<CheckIns, CheckedIn>(officer, checkIns => checkIns.CheckInTicketAsync(eventId, ticket, Ct));

    public async Task<EventSignup> SignupAsync(long signupId)
    {
        await using var db = await harness.DbAsync();
        return await db.EventSignups.AsNoTracking().SingleAsync(s => s.Id == signupId, Ct);
    }

    public async Task<ClubEvent> EventAsync(long eventId)
    {
        await using var db = await harness.DbAsync();
        return await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, Ct);
    }

    public async Task<int> ConfirmedAsync(long eventId)
    {
        await using var db = await harness.DbAsync();
        return await db.EventSignups.CountAsync(s => s.EventId == eventId && s.Status == SignupStatus.Confirmed, Ct);
    }

    public static async Task<string> RefusalAsync(Func<Task> act) => (await Assert.ThrowsAsync<AppException>(act)).Code;
}
