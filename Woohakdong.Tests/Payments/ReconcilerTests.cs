using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>Orders nobody told us about: settled by asking the gateway for the order's merchant_uid.</summary>
public abstract class ReconcilerTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);

    [Fact]
    public async Task The_reconciler_completes_a_paid_order_whose_webhook_was_dropped_and_whose_browser_closed()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        steps.Pay(order);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await steps.ReconcileAsync();
        var tooEarly = await steps.OrderAsync(order.OrderId);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await steps.ReconcileAsync();

        Assert.Equal(OrderStatus.Pending, tooEarly.Status);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.All(await steps.HistoryAsync(order.OrderId), h => Assert.Equal(OrderCause.Reconciler, h.Cause));
    }

    [Fact]
    public async Task The_reconciler_leaves_an_unpaid_order_pending_until_its_hold_expires_then_frees_the_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await steps.ReconcileAsync();
        var whileHeld = await steps.OrderAsync(order.OrderId);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await steps.ReconcileAsync();

        Assert.Equal(OrderStatus.Pending, whileHeld.Status);
        Assert.Equal(OrderStatus.Expired, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
    }

    [Fact]
    public async Task Reconcilers_on_two_instances_at_once_complete_an_order_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 30_000);
        var (student, order) = await steps.StartAsync(club);
        steps.Pay(order);
        harness.Time.Advance(TimeSpan.FromMinutes(3));

        await Task.WhenAll(Task.Run(steps.ReconcileAsync, TestContext.Current.CancellationToken),
            Task.Run(steps.ReconcileAsync, TestContext.Current.CancellationToken));

        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Single(await steps.HistoryAsync(order.OrderId), h => h.To == OrderStatus.Paid);
    }
}

public sealed class SqliteReconcilerTests(SqlitePaymentFixture fixture) : ReconcilerTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresReconcilerTests(PostgresPaymentFixture fixture) : ReconcilerTests(fixture), IClassFixture<PostgresPaymentFixture>;
