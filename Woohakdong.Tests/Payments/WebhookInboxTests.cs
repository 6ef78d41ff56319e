using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>Recorded webhooks are settled in batches by workers: once each, none lost, a bad one never holding up the rest.</summary>
public abstract class WebhookInboxTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recorded_webhook_completes_its_order_and_leaves_the_inbox()
    {
        var club = await harness.CreateClubAsync(10, fee: 20_000);
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);

        await steps.RecordWebhookAsync(payment.ImpUid, order.MerchantUid);
        var claimed = await steps.SettleRecordedWebhooksAsync();

        Assert.Equal(1, claimed);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_webhook_left_claimed_by_a_stopped_worker_is_taken_again_after_its_retry_time()
    {
        var club = await harness.CreateClubAsync(10, fee: 20_000);
        var (_, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);
        await steps.RecordWebhookAsync(payment.ImpUid, order.MerchantUid);
        await using (var crashed = harness.Services.CreateAsyncScope())
            Assert.Single(await crashed.ServiceProvider.GetRequiredService<WebhookInbox>().ClaimAsync(Ct));

        var whileClaimed = await steps.SettleRecordedWebhooksAsync();
        harness.Time.Advance(new PaymentOptions().NoticeRetryAfter + TimeSpan.FromSeconds(1));
        var afterRetryTime = await steps.SettleRecordedWebhooksAsync();

        Assert.Equal((0, 1), (whileClaimed, afterRetryTime));
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task Two_workers_claiming_at_once_never_take_the_same_webhook()
    {
        for (var i = 0; i < 150; i++) await steps.RecordWebhookAsync($"imp_nobody_{i}", $"no-such-order-{i}");

        var claims = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(ClaimAllAsync, Ct)));

        Assert.Equal(150, claims.Sum(c => c.Count));
        Assert.Empty(claims[0].Intersect(claims[1]));
        harness.Time.Advance(new PaymentOptions().NoticeRetryAfter + TimeSpan.FromSeconds(1));
        while (await steps.SettleRecordedWebhooksAsync() > 0) { }
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task Two_workers_settling_duplicated_webhooks_at_once_complete_every_order_once()
    {
        var club = await harness.CreateClubAsync(300, fee: 20_000);
        var orders = new List<(Core.Joining.PaidJoinStarted Order, string ImpUid)>();
        for (var i = 0; i < 50; i++)
        {
            var (_, order) = await steps.StartAsync(club);
            orders.Add((order, steps.Pay(order).ImpUid));
        }
        // Each webhook three times, as PortOne may send it: more than one claim holds, so copies land with both workers.
        for (var copy = 0; copy < 3; copy++)
            foreach (var (order, impUid) in orders) await steps.RecordWebhookAsync(impUid, order.MerchantUid);

        var claimed = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var total = 0;
            for (int count; (count = await steps.SettleRecordedWebhooksAsync()) > 0;) total += count;
            return total;
        }, Ct)));

        Assert.Equal(150, claimed.Sum());
        foreach (var (order, _) in orders)
        {
            Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
            Assert.Equal([OrderStatus.Paid, OrderStatus.Completed], (await steps.HistoryAsync(order.OrderId)).Select(h => h.To));
        }
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_batch_with_a_wrong_amount_refunds_that_payment_and_completes_the_others_with_one_gateway_read()
    {
        var club = await harness.CreateClubAsync(10, fee: 20_000);
        var (honest, first) = await steps.StartAsync(club);
        var (tampered, second) = await steps.StartAsync(club);
        var (other, third) = await steps.StartAsync(club);
        var lowPayment = steps.Pay(second, amount: 100);
        await steps.RecordWebhookAsync(steps.Pay(first).ImpUid, first.MerchantUid);
        await steps.RecordWebhookAsync(lowPayment.ImpUid, second.MerchantUid);
        await steps.RecordWebhookAsync(steps.Pay(third).ImpUid, third.MerchantUid);
        var readsBefore = fixture.Gateway.BatchCalls;

        Assert.Equal(3, await steps.SettleRecordedWebhooksAsync());

        Assert.Equal(1, fixture.Gateway.BatchCalls - readsBefore);
        Assert.Equal(
            [OrderStatus.Completed, OrderStatus.Refunded, OrderStatus.Completed],
            [(await steps.OrderAsync(first.OrderId)).Status, (await steps.OrderAsync(second.OrderId)).Status, (await steps.OrderAsync(third.OrderId)).Status]);
        Assert.Equal(1, fixture.Gateway.RefundsOf(lowPayment.ImpUid));
        Assert.Equal((1, 0, 1), (await steps.MembershipsAsync(club, honest), await steps.MembershipsAsync(club, tampered), await steps.MembershipsAsync(club, other)));
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_webhook_that_could_not_be_verified_stays_recorded_and_completes_on_a_later_try()
    {
        var club = await harness.CreateClubAsync(10, fee: 20_000);
        var (_, order) = await steps.StartAsync(club);
        await steps.RecordWebhookAsync(steps.Pay(order).ImpUid, order.MerchantUid);

        fixture.Gateway.Unreachable = true;
        try
        {
            await Assert.ThrowsAsync<PaymentGatewayException>(steps.SettleRecordedWebhooksAsync);
        }
        finally
        {
            fixture.Gateway.Unreachable = false;
        }
        var stillRecorded = await steps.WebhooksLeftAsync();
        harness.Time.Advance(new PaymentOptions().NoticeRetryAfter + TimeSpan.FromSeconds(1));
        await steps.SettleRecordedWebhooksAsync();

        Assert.Equal(1, stillRecorded);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task Notices_recorded_together_keep_their_order_and_leave_out_those_of_finished_orders()
    {
        var club = await harness.CreateClubAsync(10, fee: 20_000);
        var (_, finished) = await steps.StartAsync(club);
        var finishedPayment = steps.Pay(finished);
        await steps.WebhookAsync(finishedPayment.ImpUid, finished.MerchantUid);
        var (_, open) = await steps.StartAsync(club);
        var openPayment = steps.Pay(open);
        var notices = new PaymentNotice[]
        {
            new(openPayment.ImpUid, open.MerchantUid), new(finishedPayment.ImpUid, finished.MerchantUid),
            new("imp_only", null), new(null, "no-such-order"), new(openPayment.ImpUid, open.MerchantUid),
        };

        await using (var scope = harness.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WebhookInbox>().RecordAsync(notices, Ct);

        await using var db = await harness.DbAsync();
        var recorded = await db.WebhookNotices.OrderBy(n => n.Id).ToListAsync(Ct);
        db.WebhookNotices.RemoveRange(recorded);
        await db.SaveChangesAsync(Ct);

        Assert.Equal(
            [(openPayment.ImpUid, open.MerchantUid), ("imp_only", null), (null, "no-such-order"), (openPayment.ImpUid, open.MerchantUid)],
            recorded.Select(n => (n.ImpUid, n.MerchantUid)));
    }

    [Fact]
    public async Task Webhooks_handed_to_the_intake_at_once_are_each_recorded_before_their_caller_returns()
    {
        var club = await harness.CreateClubAsync(60, fee: 20_000);
        var webhooks = new List<PaymentNotice>();
        for (var i = 0; i < 40; i++)
        {
            var (_, order) = await steps.StartAsync(club);
            webhooks.Add(new PaymentNotice(steps.Pay(order).ImpUid, order.MerchantUid));
        }
        var intake = await StartIntakeAsync();

        await Task.WhenAll(webhooks.Select(w => Task.Run(() => intake.RecordAsync(w.ImpUid, w.MerchantUid, Ct), Ct)));
        var recorded = await steps.WebhooksLeftAsync();
        await intake.StopAsync(Ct);

        Assert.Equal(40, recorded);
        await Assert.ThrowsAsync<WebhookNotRecordedException>(() => intake.RecordAsync("imp_late", "late-order", Ct));
        while (await steps.SettleRecordedWebhooksAsync() > 0) { }
        Assert.Equal(0, await steps.WebhooksLeftAsync());
    }

    [Fact]
    public async Task A_webhook_the_database_refuses_is_reported_not_recorded_and_the_intake_records_the_next_one()
    {
        var intake = await StartIntakeAsync();
        await using var db = await harness.DbAsync();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "WebhookNotices" RENAME TO "WebhookNoticesAway" """, Ct);
        Exception? refused;
        try
        {
            refused = await Record.ExceptionAsync(() => intake.RecordAsync("imp_refused", "refused-order", Ct));
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "WebhookNoticesAway" RENAME TO "WebhookNotices" """, Ct);
        }
        await intake.RecordAsync("imp_retried", "refused-order", Ct);
        await intake.StopAsync(Ct);

        Assert.IsType<WebhookNotRecordedException>(refused);
        Assert.Equal(["imp_retried"], await db.WebhookNotices.Select(n => n.ImpUid).ToListAsync(Ct));
        while (await steps.SettleRecordedWebhooksAsync() > 0) { }
    }

    private async Task<WebhookIntake> StartIntakeAsync()
    {
        var intake = new WebhookIntake(harness.Services.GetRequiredService<IServiceScopeFactory>());
        await intake.StartAsync(Ct);
        return intake;
    }

    /// <summary>One worker's claims, one after another, until the inbox has none free.</summary>
    private async Task<List<long>> ClaimAllAsync()
    {
        var claimed = new List<long>();
        await using var scope = harness.Services.CreateAsyncScope();
        var inbox = scope.ServiceProvider.GetRequiredService<WebhookInbox>();
        while (await inbox.ClaimAsync(Ct) is { Count: > 0 } notices) claimed.AddRange(notices.Select(n => n.Id));
        return claimed;
    }

}

public sealed class SqliteWebhookInboxTests(SqlitePaymentFixture fixture) : WebhookInboxTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresWebhookInboxTests(PostgresPaymentFixture fixture) : WebhookInboxTests(fixture), IClassFixture<PostgresPaymentFixture>;
