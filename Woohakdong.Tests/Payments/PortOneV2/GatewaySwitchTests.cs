using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>
/// <c>PortOne:Version</c> switched from V1 to V2 while V1 orders wait: those still complete, reconcile and refund
/// through V1, and only new orders use V2. Both of PortOne's APIs are in-memory stand-ins here, so each call is counted.
/// </summary>
public abstract class GatewaySwitchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakePaymentGateway v1 = new(GatewayVersion.V1);
    private readonly FakePaymentGateway v2 = new(GatewayVersion.V2);
    private SeatHarness harness = null!;

    public async ValueTask InitializeAsync() =>
        harness = await SeatHarness.StartAsync(provider, services =>
        {
            services.AddSingleton<IPaymentGateway>(v1);
            services.AddSingleton<IPaymentGateway>(v2);
        });

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>As a restart with <c>PortOne:Version=V2</c> would: the setting only decides for orders made from now on.</summary>
    private void SwitchToV2() => harness.Services.GetRequiredService<IOptions<PortOneOptions>>().Value.Version = GatewayVersion.V2;

    [Fact]
    public async Task After_switching_to_V2_pending_V1_orders_complete_reconcile_and_refund_through_V1()
    {
        var (viaV1, viaV2) = (new PaymentSteps(harness, v1), new PaymentSteps(harness, v2));
        var club = await harness.CreateClubAsync(seatLimit: 10, fee: 30_000);
        var (webhooked, webhookedOrder) = await viaV1.StartAsync(club);
        var (refunded, refundedOrder) = await viaV1.StartAsync(club);
        var (_, reconciledOrder) = await viaV1.StartAsync(club);

        SwitchToV2();
        var (newcomer, newOrder) = await viaV1.StartAsync(club);

        Assert.Equal([GatewayVersion.V1, GatewayVersion.V1, GatewayVersion.V1, GatewayVersion.V2],
            await Task.WhenAll(new[] { webhookedOrder, refundedOrder, reconciledOrder, newOrder }
                .Select(async o => (await viaV1.OrderAsync(o.OrderId)).GatewayVersion)));
        Assert.Equal((30_000L, (long?)null), (v2.PreparedAmount(newOrder.MerchantUid)!.Value, v1.PreparedAmount(newOrder.MerchantUid)));

        // One claim of the inbox holds a V1 webhook (imp_uid and merchant_uid) and a V2 one (paymentId only).
        var v1Payment = viaV1.Pay(webhookedOrder);
        viaV2.Pay(newOrder);
        await viaV1.RecordWebhookAsync(v1Payment.ImpUid, webhookedOrder.MerchantUid);
        await viaV2.RecordWebhookAsync(null, newOrder.MerchantUid);
        await viaV1.SettleRecordedWebhooksAsync();

        var wrongAmount = viaV1.Pay(refundedOrder, amount: 10_000);
        var refundView = await viaV1.CallbackAsync(refunded, club, refundedOrder.MerchantUid, wrongAmount.ImpUid);

        viaV1.Pay(reconciledOrder);
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await viaV1.ReconcileAsync();

        Assert.Equal(OrderStatus.Completed, (await viaV1.OrderAsync(webhookedOrder.OrderId)).Status);
        Assert.Equal(OrderStatus.Completed, (await viaV1.OrderAsync(newOrder.OrderId)).Status);
        Assert.Equal(OrderStatus.Completed, (await viaV1.OrderAsync(reconciledOrder.OrderId)).Status);
        Assert.Equal(OrderStatus.Refunded, refundView.Status);
        Assert.Equal((1, 1), (await viaV1.MembershipsAsync(club, webhooked), await viaV1.MembershipsAsync(club, newcomer)));
        Assert.Equal(0, await viaV1.MembershipsAsync(club, refunded));
        Assert.Equal((1, 0), (v1.RefundsOf(wrongAmount.ImpUid), v2.CancelCalls));
        Assert.Equal(0, await viaV1.WebhooksLeftAsync());
    }
}

public sealed class SqliteGatewaySwitchTests() : GatewaySwitchTests(DatabaseProvider.Sqlite);

public sealed class PostgresGatewaySwitchTests() : GatewaySwitchTests(DatabaseProvider.Postgres);
