using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Notifications;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>What an event's sign-ups hear when officers change or cancel it, and of their money.</summary>
public abstract class EventNotificationTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly FakePaymentGateway gateway = fixture.Gateway;
    private readonly PaymentSteps payments = new(fixture.Harness, fixture.Gateway);
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_time_or_place_tells_every_live_sign_up_once_and_a_description_capacity_or_fee_edit_tells_no_one()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var input = steps.Input(capacity: 5, fee: 5_000);
        var clubEvent = await steps.CreateAsync(club, input);
        var (paid, _, _) = await PaidSignupAsync(clubEvent);
        var pending = await harness.CreateStudentAsync();
        await steps.SignUpAsync(pending, clubEvent.EventId);
        var gone = await harness.CreateStudentAsync();
        await steps.SignUpAsync(gone, clubEvent.EventId);
        await steps.CancelMineAsync(gone, clubEvent.EventId);

        await UpdateAsync(club, clubEvent, input with { Description = "간식 대신 피자." });
        await UpdateAsync(club, clubEvent, input with { Capacity = 4, Fee = 6_000, CancelDeadline = steps.CancelDeadline.AddDays(-1) });
        Assert.Empty(await ChangedAsync(paid));

        var later = steps.Start.AddHours(1);
        await UpdateAsync(club, clubEvent, input with { Place = "동아리방", StartsAt = later, EndsAt = later.AddHours(2) });

        foreach (var student in new[] { paid, pending })
        {
            var notice = Assert.Single(await ChangedAsync(student));
            Assert.Equal($"/events/{clubEvent.EventId}", notice.Link);
            var text = Render(notice, Languages.Korean);
            Assert.Equal($"신청한 행사 「정기 모임」의 내용이 바뀌었습니다. 일시 {Kst(later)} ~ {Kst(later.AddHours(2))}, 장소 동아리방.", text.Body);
        }
        Assert.Empty(await ChangedAsync(gone));
    }

    [Fact]
    public async Task A_refused_edit_tells_no_one_though_it_moved_the_start()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var input = steps.Input(capacity: 2);
        var clubEvent = await steps.CreateAsync(club, input);
        var (first, second) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        await steps.SignUpAsync(first, clubEvent.EventId);
        await steps.SignUpAsync(second, clubEvent.EventId);

        Assert.Equal(ErrorCodes.CapacityBelowSignups, await EventSteps.RefusalAsync(() =>
            UpdateAsync(club, clubEvent, input with { Capacity = 1, StartsAt = steps.Start.AddHours(1), EndsAt = steps.Start.AddHours(4) })));

        Assert.Empty(await ChangedAsync(first));
        Assert.Equal(clubEvent.StartsAt, (await steps.EventAsync(clubEvent.EventId)).StartsAt);
    }

    [Fact]
    public async Task Cancelling_tells_each_live_sign_up_once_whether_it_is_refunded_even_when_cancelled_again_to_retry_a_refund()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 5, fee: 5_000));
        var (paid, payment, merchantUid) = await PaidSignupAsync(clubEvent);
        var pending = await harness.CreateStudentAsync();
        await steps.SignUpAsync(pending, clubEvent.EventId);
        var freeEvent = await steps.CreateAsync(club, steps.Input(capacity: 5));
        var free = await harness.CreateStudentAsync();
        await steps.SignUpAsync(free, freeEvent.EventId);

        gateway.Unreachable = true;
        try
        {
            await CancelAsync(club, clubEvent);
        }
        finally
        {
            gateway.Unreachable = false;
        }
        Assert.Empty(await Recorded.NotificationsAsync(harness.DbAsync, paid, NotificationKind.RefundMade));
        await CancelAsync(club, clubEvent);
        await CancelAsync(club, clubEvent);
        await CancelAsync(club, freeEvent);

        Assert.Equal(1, gateway.RefundsOf(payment.ImpUid));
        var refunded = Assert.Single(await CancelledAsync(paid));
        Assert.Equal("「정기 모임」" + $"({Kst(steps.Start)}) 행사가 취소되어 회원님의 신청도 취소되었습니다. 낸 참가비 ₩5,000 전액을 환불해 드리며, 환불이 끝나면 따로 알려 드립니다.",
            Render(refunded, Languages.Korean).Body);
        Assert.Contains("Your ₩5,000 ticket is refunded in full", Render(refunded, Languages.English).Body);
        Assert.Contains("결제 대기 중이던", Render(Assert.Single(await CancelledAsync(pending)), Languages.Korean).Body);
        var freeNotice = Assert.Single(await CancelledAsync(free));
        Assert.Equal(($"/events/{freeEvent.EventId}", "「정기 모임」" + $"({Kst(steps.Start)}) 행사가 취소되어 회원님의 신청도 취소되었습니다."),
            (freeNotice.Link, Render(freeNotice, Languages.Korean).Body));

        var refund = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, paid, NotificationKind.RefundMade));
        var clubName = await ClubNameAsync(club);
        Assert.Equal($"{clubName} 「정기 모임」 참가비가 환불되었습니다. 환불 금액 ₩5,000, 사유: 행사 취소, 주문번호 {merchantUid}.",
            Render(refund, Languages.Korean).Body);
        Assert.Equal($"₩5,000 of your ticket for “정기 모임” ({clubName}) was refunded. Reason: the event was cancelled. Order number {merchantUid}.",
            Render(refund, Languages.English).Body);
    }

    [Fact]
    public async Task A_student_cancelling_a_paid_sign_up_gets_a_ticket_receipt_and_then_one_refund_notice_with_the_reason_in_words()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 5, fee: 5_000));
        var (student, _, _) = await PaidSignupAsync(clubEvent);

        await steps.CancelMineAsync(student, clubEvent.EventId);

        var notices = await Recorded.NotificationsAsync(harness.DbAsync, student);
        Assert.Equal([NotificationKind.PaymentCompleted, NotificationKind.RefundMade], notices.Select(n => n.Kind));
        Assert.Equal($"{await ClubNameAsync(club)}: ticket paid", Render(notices[0], Languages.English).Title);
        Assert.Contains("「정기 모임」 참가비 ₩5,000 결제가 완료되었습니다", Render(notices[0], Languages.Korean).Body);
        Assert.Contains("사유: 참가 신청 취소", Render(notices[1], Languages.Korean).Body);
        Assert.Empty(await CancelledAsync(student));
    }

    private async Task<(Guid Student, GatewayPayment Payment, string MerchantUid)> PaidSignupAsync(EventView clubEvent)
    {
        var student = await harness.CreateStudentAsync();
        var started = await steps.SignUpAsync(student, clubEvent.EventId);
        var payment = gateway.Pay(started.MerchantUid!, started.Amount!.Value);
        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);
        return (student, payment, started.MerchantUid!);
    }

    private async Task<string> ClubNameAsync(OpenClub club)
    {
        await using var db = await harness.DbAsync();
        return await db.Clubs.Where(c => c.Id == club.ClubId).Select(c => c.Name).SingleAsync(Ct);
    }

    private Task<EventView> UpdateAsync(OpenClub club, EventView clubEvent, EventInput input) =>
        harness.As<EventService, EventView>(club.President, events => events.UpdateAsync(clubEvent.EventId, input, Ct));

    private Task<EventView> CancelAsync(OpenClub club, EventView clubEvent) =>
        harness.As<EventService, EventView>(club.President, events => events.CancelAsync(clubEvent.EventId, Ct));

    private Task<List<Notification>> ChangedAsync(Guid student) => Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.EventChanged);

    private Task<List<Notification>> CancelledAsync(Guid student) => Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.EventCancelled);

    private RenderedNotification Render(Notification notification, System.Globalization.CultureInfo culture) =>
        harness.Services.GetRequiredService<NotificationRenderer>().Render(notification, culture);

    private static string Kst(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteEventNotificationTests(SqlitePaymentFixture fixture) : EventNotificationTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresEventNotificationTests(PostgresPaymentFixture fixture) : EventNotificationTests(fixture), IClassFixture<PostgresPaymentFixture>;
