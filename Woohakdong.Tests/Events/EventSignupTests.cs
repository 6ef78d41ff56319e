using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Exports;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>Signing up to events through the one seat engine and the one payment flow.</summary>
public abstract class EventSignupTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly FakePaymentGateway gateway = fixture.Gateway;
    private readonly PaymentSteps payments = new(fixture.Harness, fixture.Gateway);
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_free_sign_up_is_confirmed_at_once_with_an_unguessable_ticket_and_counted_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 2));
        var student = await harness.CreateStudentAsync();

        var signup = await steps.SignUpAsync(student, clubEvent.EventId);

        Assert.Equal(SignupStatus.Confirmed, signup.Status);
        Assert.Matches("^[0-9a-f]{32}$", (await steps.SignupAsync(signup.SignupId)).TicketCode);
        Assert.Equal(ErrorCodes.AlreadySignedUp, await EventSteps.RefusalAsync(() => steps.SignUpAsync(student, clubEvent.EventId)));
        await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        Assert.Equal(ErrorCodes.Full, await EventSteps.RefusalAsync(async () => await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId)));
        Assert.Equal(2, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
    }

    [Fact]
    public async Task Sign_ups_outside_the_window_after_the_start_or_of_a_draft_are_not_open()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var opensLater = await steps.CreateAsync(club, steps.Input() with { SignupOpensAt = steps.Start.AddDays(-3) });
        var closed = await steps.CreateAsync(club, steps.Input() with { SignupClosesAt = harness.Time.GetUtcNow().AddMinutes(-1) });
        var started = await steps.CreateAsync(club, steps.Input() with
        {
            StartsAt = harness.Time.GetUtcNow().AddHours(-1), EndsAt = harness.Time.GetUtcNow().AddHours(1), SignupClosesAt = null, CancelDeadline = null,
        });
        var draft = await steps.CreateAsync(club, steps.Input(), publish: false);
        var student = await harness.CreateStudentAsync();

        foreach (var clubEvent in new[] { opensLater, closed, started })
            Assert.Equal(ErrorCodes.NotOpen, await EventSteps.RefusalAsync(() => steps.SignUpAsync(student, clubEvent.EventId)));
        Assert.Equal(ErrorCodes.NotOpen, await EventSteps.RefusalAsync(() => steps.SignUpAsync(student, draft.EventId)));
        Assert.Equal(0, (await steps.EventAsync(opensLater.EventId)).SeatsTaken);
    }

    [Fact]
    public async Task A_members_only_event_refuses_a_non_member_and_takes_a_member()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(audience: EventAudience.Members));
        var member = await steps.MemberAsync(club);

        Assert.Equal(ErrorCodes.NotAllowed, await EventSteps.RefusalAsync(async () => await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId)));
        Assert.Equal(SignupStatus.Confirmed, (await steps.SignUpAsync(member, clubEvent.EventId)).Status);
    }

    [Fact]
    public async Task A_paid_sign_up_is_confirmed_by_the_webhook_once_and_books_event_income()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(fee: 15_000));
        var student = await harness.CreateStudentAsync();

        var started = await steps.SignUpAsync(student, clubEvent.EventId);
        Assert.Equal((SignupStatus.PendingPayment, 15_000L), (started.Status, started.Amount));
        var payment = gateway.Pay(started.MerchantUid!, 15_000);
        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);
        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);
        await harness.As<MyOrders, OrderView>(student, orders => orders.ConfirmAsync(clubEvent.EventId, started.MerchantUid!, payment.ImpUid, null, OrderCause.Callback, Ct));

        Assert.Equal(SignupStatus.Confirmed, (await steps.SignupAsync(started.SignupId)).Status);
        Assert.Equal(OrderStatus.Completed, (await payments.OrderAsync(started.OrderId!.Value)).Status);
        Assert.Single(await payments.HistoryAsync(started.OrderId.Value), h => h.To == OrderStatus.Completed);
        Assert.Equal(1, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
        await using var db = await harness.DbAsync();
        var income = await db.LedgerEntries.Where(e => e.OrderId == started.OrderId).ToListAsync(Ct);
        Assert.Equal([(LedgerKind.Income, LedgerCategory.Event, 15_000L, EventRules.TermKeyOf(steps.Start))],
            income.Select(e => (e.Kind, e.Category, e.Amount, e.TermKey)));
    }

    [Fact]
    public async Task A_paid_ticket_is_on_the_clubs_payments_and_their_export_beside_the_dues_named_by_its_event()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(fee: 15_000));
        var student = await harness.CreateStudentAsync();
        var started = await steps.SignUpAsync(student, clubEvent.EventId);
        var payment = gateway.Pay(started.MerchantUid!, 15_000);
        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);
        var termKey = EventRules.TermKeyOf(steps.Start);

        var listed = await harness.As<ClubPayments, ClubPaymentList>(club.President, p => p.ListAsync(club.ClubId, termKey: termKey, ct: Ct));
        var file = await harness.As<ClubExports, ExportFile>(club.President, e => e.WriteAsync(club.ClubId, "payments", "xlsx", termKey, ct: Ct));

        var ticket = Assert.Single(listed.Orders, o => o.OrderId == started.OrderId);
        Assert.Equal((clubEvent.Title, OrderStatus.Completed, 15_000L), (ticket.EventTitle, ticket.Status, listed.Totals.CompletedAmount));
        await using (file.Content)
        {
            var row = Assert.Single(MiniExcelLibs.MiniExcel.Query(file.Content, useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal((clubEvent.Title, 15_000d), ((string?)row["항목"], row["금액"]));
        }
    }

    [Fact]
    public async Task A_paid_sign_up_is_confirmed_by_the_callback_alone()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(fee: 5_000));
        var student = await harness.CreateStudentAsync();
        var started = await steps.SignUpAsync(student, clubEvent.EventId);
        var payment = gateway.Pay(started.MerchantUid!, 5_000);

        var view = await harness.As<MyOrders, OrderView>(student, orders => orders.ConfirmAsync(clubEvent.EventId, started.MerchantUid!, payment.ImpUid, null, OrderCause.Callback, Ct));

        Assert.Equal(OrderStatus.Completed, view.Status);
        Assert.Equal(SignupStatus.Confirmed, (await steps.SignupAsync(started.SignupId)).Status);
    }

    [Fact]
    public async Task A_payment_whose_seat_went_to_another_is_refunded_and_its_sign_up_cancelled()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 1, fee: 5_000));
        var late = await harness.CreateStudentAsync();
        var started = await steps.SignUpAsync(late, clubEvent.EventId);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.As<HoldService, int>(late, holds => holds.ExpireHoldsAsync(Ct));
        var other = await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        var payment = gateway.Pay(started.MerchantUid!, 5_000);

        await payments.WebhookAsync(payment.ImpUid, started.MerchantUid);

        var order = await payments.OrderAsync(started.OrderId!.Value);
        Assert.Equal((OrderStatus.Refunded, RefundReasons.SeatGone), (order.Status, order.RefundReason));
        Assert.Equal(1, gateway.RefundsOf(payment.ImpUid));
        Assert.Equal(SignupStatus.Cancelled, (await steps.SignupAsync(started.SignupId)).Status);
        Assert.Equal(SignupStatus.PendingPayment, (await steps.SignupAsync(other.SignupId)).Status);
        Assert.Equal(1, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
    }

    [Fact]
    public async Task Cancelling_a_paid_sign_up_before_the_deadline_refunds_it_and_frees_the_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 5, fee: 5_000));
        var (student, started, payment) = await PaidSignupAsync(clubEvent);
        harness.Time.SetUtcNow(steps.CancelDeadline.AddMinutes(-1).ToUniversalTime());

        await steps.CancelMineAsync(student, clubEvent.EventId);

        var order = await payments.OrderAsync(started.OrderId!.Value);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Equal([(EventSignups.CancelledRefundReason, 5_000L)], (await payments.RefundsAsync(order.Id)).Select(r => (r.Reason, r.Amount)));
        Assert.Equal(1, gateway.RefundsOf(payment.ImpUid));
        Assert.Equal(SignupStatus.Cancelled, (await steps.SignupAsync(started.SignupId)).Status);
        Assert.Equal(0, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
        await using var db = await harness.DbAsync();
        Assert.Equal([LedgerKind.Income, LedgerKind.Expense],
            await db.LedgerEntries.Where(e => e.OrderId == order.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync(Ct));
    }

    [Fact]
    public async Task After_the_deadline_a_paid_sign_up_is_kept_and_not_refunded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 5, fee: 5_000));
        var (student, started, payment) = await PaidSignupAsync(clubEvent);
        harness.Time.SetUtcNow(steps.CancelDeadline.ToUniversalTime());

        Assert.Equal(ErrorCodes.CancelDeadlinePassed, await EventSteps.RefusalAsync(() => steps.CancelMineAsync(student, clubEvent.EventId)));

        Assert.Equal(SignupStatus.Confirmed, (await steps.SignupAsync(started.SignupId)).Status);
        Assert.Equal(0, gateway.RefundsOf(payment.ImpUid));
    }

    [Fact]
    public async Task Cancelling_the_event_refunds_every_paid_sign_up_once_and_cancels_free_ones()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var paidEvent = await steps.CreateAsync(club, steps.Input(capacity: 5, fee: 5_000));
        var freeEvent = await steps.CreateAsync(club, steps.Input(capacity: 5));
        var paid = new[] { await PaidSignupAsync(paidEvent), await PaidSignupAsync(paidEvent) };
        var pending = await steps.SignUpAsync(await harness.CreateStudentAsync(), paidEvent.EventId);
        var free = await steps.SignUpAsync(await harness.CreateStudentAsync(), freeEvent.EventId);

        await harness.As<EventService, EventView>(club.President, events => events.CancelAsync(paidEvent.EventId, Ct));
        await harness.As<EventService, EventView>(club.President, events => events.CancelAsync(paidEvent.EventId, Ct));
        await harness.As<EventService, EventView>(club.President, events => events.CancelAsync(freeEvent.EventId, Ct));

        foreach (var (_, started, payment) in paid)
        {
            Assert.Equal(OrderStatus.Refunded, (await payments.OrderAsync(started.OrderId!.Value)).Status);
            Assert.Equal(1, gateway.RefundsOf(payment.ImpUid));
            Assert.Equal(SignupStatus.Cancelled, (await steps.SignupAsync(started.SignupId)).Status);
        }
        Assert.Equal(OrderStatus.Failed, (await payments.OrderAsync(pending.OrderId!.Value)).Status);
        Assert.Equal(SignupStatus.Cancelled, (await steps.SignupAsync(pending.SignupId)).Status);
        Assert.Equal(SignupStatus.Cancelled, (await steps.SignupAsync(free.SignupId)).Status);
        Assert.Equal((EventStatus.Cancelled, 0), ((await steps.EventAsync(paidEvent.EventId)).Status, (await steps.EventAsync(paidEvent.EventId)).SeatsTaken));
        Assert.Equal(0, (await steps.EventAsync(freeEvent.EventId)).SeatsTaken);
        Assert.Equal(ErrorCodes.NotOpen, await EventSteps.RefusalAsync(async () => await steps.SignUpAsync(await harness.CreateStudentAsync(), freeEvent.EventId)));
    }

    [Fact]
    public async Task The_capacity_cannot_go_below_the_confirmed_sign_ups()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 3));
        await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);

        Assert.Equal(ErrorCodes.CapacityBelowSignups, await EventSteps.RefusalAsync(() =>
            harness.As<EventService, EventView>(club.President, events => events.UpdateAsync(clubEvent.EventId, steps.Input(capacity: 1), Ct))));
        var updated = await harness.As<EventService, EventView>(club.President, events => events.UpdateAsync(clubEvent.EventId, steps.Input(capacity: 2), Ct));

        Assert.Equal((2, 0), (updated.Capacity, updated.SeatsLeft));
    }

    [Fact]
    public async Task Only_the_clubs_own_officers_manage_its_events()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var otherClub = await harness.CreateClubAsync(seatLimit: 50);
        var member = await steps.MemberAsync(club);
        var clubEvent = await steps.CreateAsync(club, steps.Input());

        foreach (var caller in new[] { member, otherClub.President })
        {
            Assert.Equal(ErrorCodes.Forbidden, await EventSteps.RefusalAsync(() =>
                harness.As<EventService, EventView>(caller, events => events.CreateAsync(club.ClubId, steps.Input(), true, Ct))));
            Assert.Equal(ErrorCodes.Forbidden, await EventSteps.RefusalAsync(() =>
                harness.As<EventService, EventView>(caller, events => events.UpdateAsync(clubEvent.EventId, steps.Input(), Ct))));
            Assert.Equal(ErrorCodes.Forbidden, await EventSteps.RefusalAsync(() =>
                harness.As<EventService, EventView>(caller, events => events.CancelAsync(clubEvent.EventId, Ct))));
            Assert.Equal(ErrorCodes.Forbidden, await EventSteps.RefusalAsync(() =>
                harness.As<EventSignups, IReadOnlyList<EventAttendee>>(caller, signups => signups.ListAsync(clubEvent.EventId, Ct))));
        }
        Assert.Equal(EventStatus.Published, (await steps.EventAsync(clubEvent.EventId)).Status);
    }

    private Task<(Guid Student, SignupStarted Started, GatewayPayment Payment)> PaidSignupAsync(EventView clubEvent) =>
        steps.PaidSignupAsync(clubEvent, payments, gateway);
}

public sealed class SqliteEventSignupTests(SqlitePaymentFixture fixture) : EventSignupTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresEventSignupTests(PostgresPaymentFixture fixture) : EventSignupTests(fixture), IClassFixture<PostgresPaymentFixture>;
