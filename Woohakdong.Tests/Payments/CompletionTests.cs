using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Payments;

/// <summary>Webhook and callback, alone, together, repeated and forged: each paid order completes once.</summary>
public abstract class CompletionTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);

    private Task<OpenClub> PaidClubAsync(int seatLimit = 100) => harness.CreateClubAsync(seatLimit, fee: 30_000);

    [Fact]
    public async Task A_paid_join_holds_a_seat_and_registers_the_group_fee_at_the_gateway()
    {
        var club = await PaidClubAsync();
        var (_, order) = await steps.StartAsync(club);

        Assert.Equal(30_000, order.Amount);
        Assert.Equal(30_000, fixture.Gateway.PreparedAmount(order.MerchantUid));
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), order.HoldExpiresAt);
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task The_webhook_alone_completes_the_order_with_a_membership()
    {
        var club = await PaidClubAsync();
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        Assert.Equal(OrderStatus.Completed, view?.Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
        Assert.Equal(
            [(OrderStatus.Pending, OrderStatus.Paid, OrderCause.Webhook), (OrderStatus.Paid, OrderStatus.Completed, OrderCause.Webhook)],
            (await steps.HistoryAsync(order.OrderId)).Select(h => (h.From, h.To, h.Cause)));
    }

    [Fact]
    public async Task The_callback_alone_completes_the_order()
    {
        var club = await PaidClubAsync();
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        var view = await steps.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid);

        Assert.Equal(OrderStatus.Completed, view.Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Webhook_and_callback_in_either_order_complete_once(bool webhookFirst)
    {
        var club = await PaidClubAsync();
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        Task Webhook() => steps.WebhookAsync(payment.ImpUid, order.MerchantUid);
        Task Callback() => steps.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid);
        await (webhookFirst ? Webhook() : Callback());
        await (webhookFirst ? Callback() : Webhook());

        await AssertCompletedOnceAsync(club, student, order);
    }

    [Fact]
    public async Task Webhook_and_callback_arriving_at_the_same_moment_complete_once_fifty_times_over()
    {
        var club = await PaidClubAsync();
        for (var round = 0; round < 50; round++)
        {
            var (student, order) = await steps.StartAsync(club);
            var payment = steps.Pay(order);

            await Task.WhenAll(
                Task.Run<OrderView?>(() => steps.WebhookAsync(payment.ImpUid, order.MerchantUid), TestContext.Current.CancellationToken),
                Task.Run<OrderView?>(async () => await steps.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid), TestContext.Current.CancellationToken));

            await AssertCompletedOnceAsync(club, student, order);
        }
        Assert.Equal(50, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task Ten_copies_of_the_webhook_complete_once()
    {
        var club = await PaidClubAsync();
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => steps.WebhookAsync(payment.ImpUid, order.MerchantUid), TestContext.Current.CancellationToken)));

        await AssertCompletedOnceAsync(club, student, order);
    }

    [Fact]
    public async Task Forged_webhooks_change_no_order()
    {
        var club = await PaidClubAsync();
        var (victim, order) = await steps.StartAsync(club);
        var (other, otherOrder) = await steps.StartAsync(club);
        var othersPayment = steps.Pay(otherOrder);

        var unknown = await steps.WebhookAsync("imp_forged_000001", order.MerchantUid);
        var borrowed = await steps.WebhookAsync(othersPayment.ImpUid, order.MerchantUid);
        var swapped = await steps.WebhookAsync(steps.Pay(order, amount: 100).ImpUid, otherOrder.MerchantUid);

        Assert.All([unknown, borrowed, swapped], view => Assert.Equal(OrderStatus.Pending, view?.Status));
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(otherOrder.OrderId)).Status);
        Assert.Empty(await steps.HistoryAsync(order.OrderId));
        Assert.Empty(await steps.HistoryAsync(otherOrder.OrderId));
        Assert.Equal(0, await steps.MembershipsAsync(club, victim) + await steps.MembershipsAsync(club, other));
    }

    [Fact]
    public async Task A_webhook_for_an_unknown_order_is_answered_without_change()
    {
        var payment = fixture.Gateway.Pay("no-such-order", 30_000);

        Assert.Null(await steps.WebhookAsync(payment.ImpUid, "no-such-order"));
        Assert.Null(await steps.WebhookAsync(payment.ImpUid, null));
        Assert.Null(await steps.WebhookAsync("imp_unknown", null));
    }

    [Fact]
    public async Task A_ready_payment_leaves_the_order_pending()
    {
        var club = await PaidClubAsync();
        var (_, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, status: GatewayPaymentStatus.Ready);

        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);

        Assert.Equal(OrderStatus.Pending, view?.Status);
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
    }

    [Theory]
    [InlineData(GatewayPaymentStatus.Failed)]
    [InlineData(GatewayPaymentStatus.Cancelled)]
    public async Task A_failed_or_cancelled_payment_fails_the_order_and_frees_the_seat(GatewayPaymentStatus status)
    {
        var club = await PaidClubAsync();
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, status: status);

        var view = await steps.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid);

        Assert.Equal(OrderStatus.Failed, view.Status);
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
    }

    [Fact]
    public async Task A_callback_with_an_error_and_no_payment_fails_the_order_and_frees_the_seat()
    {
        var club = await PaidClubAsync(seatLimit: 1);
        var (student, order) = await steps.StartAsync(club);

        var view = await steps.CallbackAsync(student, club, order.MerchantUid, impUid: null, errorCode: "F400");
        var (_, next) = await steps.StartAsync(club);

        Assert.Equal(OrderStatus.Failed, view.Status);
        Assert.Contains("F400", (await steps.HistoryAsync(order.OrderId)).Single().Detail);
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(next.OrderId)).Status);
    }

    private async Task AssertCompletedOnceAsync(OpenClub club, Guid student, Core.Joining.PaidJoinStarted order)
    {
        var history = await steps.HistoryAsync(order.OrderId);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Single(history, h => h.To == OrderStatus.Paid);
        Assert.Single(history, h => h.To == OrderStatus.Completed);
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.PaymentCompleted));
    }
}

public sealed class SqliteCompletionTests(SqlitePaymentFixture fixture) : CompletionTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresCompletionTests(PostgresPaymentFixture fixture) : CompletionTests(fixture), IClassFixture<PostgresPaymentFixture>;
