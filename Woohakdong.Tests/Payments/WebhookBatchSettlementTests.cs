using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>
/// A claim of webhooks settles each order exactly as one webhook would: on PostgreSQL the ordinary ones together
/// (<see cref="BulkCompletion"/>), everything else one by one; on SQLite all one by one.
/// </summary>
public abstract class WebhookBatchSettlementTests(PaymentFixture fixture)
{
    protected readonly SeatHarness harness = fixture.Harness;
    protected readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claim_of_ordinary_paid_orders_completes_each_once_with_its_history_and_membership()
    {
        var club = await harness.CreateClubAsync(40, fee: 15_000);
        var paid = new List<(Guid Student, PaidJoinStarted Order, string ImpUid)>();
        for (var i = 0; i < 30; i++)
        {
            var (student, order) = await steps.StartAsync(club);
            paid.Add((student, order, steps.Pay(order).ImpUid));
        }
        // Each webhook twice, as PortOne may send it.
        foreach (var (_, order, impUid) in paid.Concat(paid)) await steps.RecordWebhookAsync(impUid, order.MerchantUid);

        Assert.Equal(60, await steps.SettleRecordedWebhooksAsync());

        foreach (var (student, order, impUid) in paid)
        {
            var settled = await steps.OrderAsync(order.OrderId);
            Assert.Equal((OrderStatus.Completed, impUid), (settled.Status, settled.ImpUid));
            var history = await steps.HistoryAsync(order.OrderId);
            Assert.Equal([(OrderStatus.Pending, OrderStatus.Paid), (OrderStatus.Paid, OrderStatus.Completed)], history.Select(h => (h.From, h.To)));
            Assert.All(history, h => Assert.Equal(OrderCause.Webhook, h.Cause));
            Assert.Equal(1, await steps.MembershipsAsync(club, student));
        }
        Assert.Equal(30, await steps.SeatsTakenAsync(club));
        Assert.Equal(30, await HoldsAsync(club, HoldState.Converted));
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_claim_mixing_ordinary_orders_with_a_wrong_amount_a_lost_seat_and_an_unknown_order_settles_each_as_alone()
    {
        var club = await harness.CreateClubAsync(4, fee: 15_000);
        // Another club, so that the wrong amount's refund cannot free a seat for the late payment.
        var elsewhere = await harness.CreateClubAsync(4, fee: 15_000);
        var (late, expired) = await steps.StartAsync(club);
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.As<HoldService, int>(club.President, holds => holds.ExpireHoldsAsync(Ct));
        var (first, ordinary) = await steps.StartAsync(club);
        var (second, alsoOrdinary) = await steps.StartAsync(club);
        var (_, seatTaker) = await steps.StartAsync(club);
        var (_, lastSeatTaker) = await steps.StartAsync(club);
        var (tampering, tampered) = await steps.StartAsync(elsewhere);
        var lowPayment = steps.Pay(tampered, amount: 1_000);
        var latePayment = steps.Pay(expired);
        await steps.RecordWebhookAsync(latePayment.ImpUid, expired.MerchantUid);
        await steps.RecordWebhookAsync(steps.Pay(ordinary).ImpUid, ordinary.MerchantUid);
        await steps.RecordWebhookAsync(lowPayment.ImpUid, tampered.MerchantUid);
        await steps.RecordWebhookAsync("imp_unknown", "no-such-order");
        await steps.RecordWebhookAsync(steps.Pay(alsoOrdinary).ImpUid, alsoOrdinary.MerchantUid);

        Assert.Equal(5, await steps.SettleRecordedWebhooksAsync());

        Assert.Equal(
            [OrderStatus.Refunded, OrderStatus.Completed, OrderStatus.Completed, OrderStatus.Refunded, OrderStatus.Pending, OrderStatus.Pending],
            await Task.WhenAll(new[] { expired, ordinary, alsoOrdinary, tampered, seatTaker, lastSeatTaker }
                .Select(async o => (await steps.OrderAsync(o.OrderId)).Status)));
        Assert.Equal((RefundReasons.SeatGone, RefundReasons.AmountMismatch),
            ((await steps.OrderAsync(expired.OrderId)).RefundReason, (await steps.OrderAsync(tampered.OrderId)).RefundReason));
        Assert.Equal((1, 1), (fixture.Gateway.RefundsOf(latePayment.ImpUid), fixture.Gateway.RefundsOf(lowPayment.ImpUid)));
        Assert.Equal(new[] { 0, 1, 1 }, await Task.WhenAll(new[] { late, first, second }.Select(student => steps.MembershipsAsync(club, student))));
        Assert.Equal(0, await steps.MembershipsAsync(elsewhere, tampering));
        Assert.Equal((4, 0), (await steps.SeatsTakenAsync(club), await steps.SeatsTakenAsync(elsewhere)));
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_callback_racing_the_claim_for_the_same_order_completes_it_once()
    {
        var club = await harness.CreateClubAsync(45, fee: 15_000);
        for (var round = 0; round < 20; round++)
        {
            var (student, order) = await steps.StartAsync(club);
            var (_, neighbour) = await steps.StartAsync(club);
            var impUid = steps.Pay(order).ImpUid;
            await steps.RecordWebhookAsync(steps.Pay(neighbour).ImpUid, neighbour.MerchantUid);
            await steps.RecordWebhookAsync(impUid, order.MerchantUid);

            var callback = Task.Run(() => steps.CallbackAsync(student, club, order.MerchantUid, impUid), Ct);
            await Task.WhenAll(callback, Task.Run(steps.SettleRecordedWebhooksAsync, Ct));

            Assert.Equal(OrderStatus.Completed, (await callback).Status);
            Assert.Equal([OrderStatus.Paid, OrderStatus.Completed], (await steps.HistoryAsync(order.OrderId)).Select(h => h.To));
            Assert.Equal([OrderStatus.Paid, OrderStatus.Completed], (await steps.HistoryAsync(neighbour.OrderId)).Select(h => h.To));
            Assert.Equal(1, await steps.MembershipsAsync(club, student));
        }
        Assert.Equal(40, await steps.SeatsTakenAsync(club));
        Assert.Equal(40, await HoldsAsync(club, HoldState.Converted));
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    private async Task<int> HoldsAsync(OpenClub club, HoldState state)
    {
        await using var db = await harness.DbAsync();
        return await db.SeatHolds.CountAsync(h => h.PoolId == club.GroupId && h.State == state, Ct);
    }

}

public sealed class SqliteWebhookBatchSettlementTests(SqlitePaymentFixture fixture)
    : WebhookBatchSettlementTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresWebhookBatchSettlementTests(PostgresPaymentFixture fixture)
    : WebhookBatchSettlementTests(fixture), IClassFixture<PostgresPaymentFixture>
{
    [Fact]
    public async Task Ordinary_orders_are_completed_together_each_announced_once_and_a_second_try_completes_none_again()
    {
        var announced = new ConcurrentQueue<OrderChanged>();
        using var listening = harness.Services.GetRequiredService<IEventChannel<OrderChanged>>().Subscribe(announced.Enqueue);
        var club = await harness.CreateClubAsync(10, fee: 15_000);
        var verified = new List<BulkCompletion.Verified>();
        for (var i = 0; i < 5; i++)
        {
            var (_, started) = await steps.StartAsync(club);
            var payment = steps.Pay(started);
            verified.Add(new BulkCompletion.Verified(await steps.OrderAsync(started.OrderId), payment));
        }

        var first = await CompleteTogetherAsync(verified);
        var again = await CompleteTogetherAsync(verified);

        Assert.Equal(verified.Select(v => v.Order.Id).Order(), first.Order());
        Assert.Empty(again);
        var ids = verified.Select(v => v.Order.Id).ToHashSet();
        Assert.Equal(ids.Order().Select(id => new OrderChanged(id, OrderStatus.Completed)), announced.Where(e => ids.Contains(e.OrderId)).OrderBy(e => e.OrderId));
        foreach (var v in verified) Assert.Equal(2, (await steps.HistoryAsync(v.Order.Id)).Count);
        Assert.Equal(5, await steps.SeatsTakenAsync(club));
    }

    private async Task<IReadOnlySet<long>> CompleteTogetherAsync(IReadOnlyList<BulkCompletion.Verified> verified)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulkCompletion>().CompleteAsync(verified, OrderCause.Webhook, Ct);
    }
}
