using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments;

/// <summary>Runs <see cref="OrderReconciliation"/> on every instance, every <see cref="PaymentOptions.ReconcileInterval"/>.</summary>
public sealed class Reconciler(IServiceScopeFactory scopes, IOptions<PaymentOptions> options, TimeProvider time, ILogger<Reconciler> logger)
    : PeriodicWork(scopes, options.Value.ReconcileInterval, time, logger)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OrderReconciliation>().RunOnceAsync(ct);
}
