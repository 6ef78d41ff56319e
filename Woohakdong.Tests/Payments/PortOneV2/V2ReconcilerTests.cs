using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Payments;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>The V2 app with a reconciler that asks after one second instead of two minutes.</summary>
public sealed class ReconcilingV2SandboxApp() : V2SandboxApp(new Infrastructure.AppFactory())
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings =>
        [("Payments:ReconcileAfter", "00:00:01"), ("Payments:ReconcileInterval", "00:00:01")];
}

public sealed class V2ReconcilerTests(ReconcilingV2SandboxApp app) : IClassFixture<ReconcilingV2SandboxApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_V2_order_whose_webhook_and_callback_never_came_is_completed_by_the_reconciler_asking_by_paymentId()
    {
        var order = await app.StartOrderAsync();

        (await app.PayAsync(order.PaymentId, webhook: false)).EnsureSuccessStatusCode();

        Assert.Equal("Completed", await V2SandboxApp.SettledStatusAsync(order));
        var history = await app.DbAsync(db => db.OrderHistory.Where(h => h.OrderId == order.OrderId).ToListAsync(Ct));
        Assert.All(history, h => Assert.Equal(OrderCause.Reconciler, h.Cause));
        Assert.Empty(await app.WebhooksAsync(order.PaymentId));
    }
}
