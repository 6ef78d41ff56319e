using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments;

/// <summary>Runs <see cref="OrderReconciliation"/> on every instance, every <see cref="PaymentOptions.ReconcileInterval"/>.</summary>
public sealed class Reconciler(
    IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider time, ILogger<Reconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OrderReconciliation>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Includes a host without a payment gateway yet: logged each pass, never fatal.
                logger.LogWarning(error, "Order reconciliation failed; trying again next interval");
            }
        }
    }
}
