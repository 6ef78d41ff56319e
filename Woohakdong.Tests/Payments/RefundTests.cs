using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Payments;

/// <summary>A paid payment that cannot be honoured is given back once, through the gateway, with its reason recorded.</summary>
public abstract class RefundTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly FakePaymentGateway gateway = fixture.Gateway;
    private readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(29_000)]
    [InlineData(31_000)]
    public async Task A_payment_of_another_amount_is_refunded_once_and_frees_the_seat(long paid)
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, amount: paid);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);
        await steps.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.AmountMismatch, view);
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task A_payment_in_another_currency_is_refunded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (_, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, currency: "USD");

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.CurrencyMismatch, view);
    }

    [Fact]
    public async Task A_refund_happens_once_even_when_completion_runs_twice_at_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (_, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, amount: 1_000);

        await Task.WhenAll(
            Task.Run(() => steps.WebhookAsync(payment.ImpUid, order.MerchantUid), Ct),
            Task.Run(() => steps.WebhookAsync(null, order.MerchantUid), Ct));
        var callsAfterRefund = gateway.CancelCalls;
        await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.AmountMismatch, null);
        Assert.Equal(callsAfterRefund, gateway.CancelCalls);
    }

    [Fact]
    public async Task A_payment_after_the_hold_expired_and_the_group_filled_is_refunded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.As<HoldService, int>(club.President, holds => holds.ExpireHoldsAsync(Ct));
        var (_, taker) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.SeatGone, view);
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(taker.OrderId)).Status);
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task A_payment_after_the_hold_expired_still_completes_while_a_seat_is_free()
    {
        var club = await harness.CreateClubAsync(seatLimit: 2, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.As<HoldService, int>(club.President, holds => holds.ExpireHoldsAsync(Ct));

        var view = await steps.WebhookAsync(steps.Pay(order).ImpUid, order.MerchantUid);

        Assert.Equal(OrderStatus.Completed, view?.Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
    }

    [Fact]
    public async Task A_payment_for_a_group_that_closed_meanwhile_is_refunded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (_, order) = await steps.StartAsync(club);
        await harness.As<JoinGroupService, JoinGroupView>(club.President, groups => groups.UpdateAsync(club.GroupId, false, 5, 30_000, Ct));
        var payment = steps.Pay(order);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.GroupClosed, view);
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task A_payment_for_an_order_that_already_failed_is_refunded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        await steps.CallbackAsync(student, club, order.MerchantUid, null, errorCode: "STOP");
        var payment = steps.Pay(order);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        await AssertRefundedOnceAsync(order, payment, RefundReasons.OrderClosed, view);
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
    }

    [Fact]
    public async Task Paying_a_replaced_order_too_refunds_it_and_keeps_the_new_one()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (student, first) = await steps.StartAsync(club);
        var second = await steps.StartAsAsync(student, club);
        var late = steps.Pay(first);
        var paid = steps.Pay(second);

        await steps.WebhookAsync(paid.ImpUid, second.MerchantUid);
        var refunded = await steps.WebhookAsync(late.ImpUid, first.MerchantUid);

        await AssertRefundedOnceAsync(first, late, RefundReasons.OrderClosed, refunded);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(second.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task An_unreachable_gateway_at_prepare_fails_the_order_and_frees_the_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var student = await harness.CreateStudentAsync();
        gateway.Unreachable = true;
        try
        {
            var refusal = await Assert.ThrowsAsync<AppException>(() => steps.StartAsAsync(student, club, "prepare-fails-" + club.GroupId));
            Assert.Equal((ErrorKind.Unavailable, ErrorCodes.PaymentGatewayUnavailable), (refusal.Kind, refusal.Code));
        }
        finally
        {
            gateway.Unreachable = false;
        }
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task A_merchant_uid_used_before_or_malformed_is_refused()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (_, order) = await steps.StartAsync(club);
        var student = await harness.CreateStudentAsync();

        await SeatAssert.ConflictAsync(ErrorCodes.DuplicateOrder, () => steps.StartAsAsync(student, club, order.MerchantUid));
        var malformed = await Assert.ThrowsAsync<AppException>(() => steps.StartAsAsync(student, club, "주문 1"));

        Assert.Equal(ErrorCodes.MerchantUidInvalid, malformed.Code);
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
    }

    private async Task AssertRefundedOnceAsync(PaidJoinStarted order, GatewayPayment payment, string reason, OrderView? view)
    {
        var saved = await steps.OrderAsync(order.OrderId);
        var refund = Assert.Single(await steps.RefundsAsync(order.OrderId));
        if (view is not null) Assert.Equal(OrderStatus.Refunded, view.Status);
        Assert.Equal((OrderStatus.Refunded, reason, payment.ImpUid), (saved.Status, saved.RefundReason, saved.ImpUid));
        Assert.Equal((payment.Amount, reason, payment.ImpUid), (refund.Amount, refund.Reason, refund.ImpUid));
        Assert.Equal(1, gateway.RefundsOf(payment.ImpUid));
        var history = await steps.HistoryAsync(order.OrderId);
        Assert.Single(history, h => h.To == OrderStatus.Paid);
        Assert.Contains(reason, Assert.Single(history, h => h.To == OrderStatus.Refunded).Detail);
        var notice = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, saved.UserId, NotificationKind.RefundMade));
        Assert.Equal(reason, Recorded.ParametersOf(notice)["reason"]);
    }
}

public sealed class SqliteRefundTests(SqlitePaymentFixture fixture) : RefundTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresRefundTests(PostgresPaymentFixture fixture) : RefundTests(fixture), IClassFixture<PostgresPaymentFixture>;
