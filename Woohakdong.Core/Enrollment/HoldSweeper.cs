using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Enrollment;

/// <summary>Every instance runs this; the conditional state update makes concurrent sweeps release each seat once.</summary>
public sealed class HoldSweeper(
    IServiceScopeFactory scopes, IOptions<SeatOptions> options, TimeProvider time, ILogger<HoldSweeper> logger)
    : PeriodicWork(scopes, options.Value.SweepInterval, time, logger)
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var expired = await services.GetRequiredService<HoldService>().ExpireHoldsAsync(ct);
        if (expired > 0) logger.LogInformation("Expired {Count} seat holds", expired);
    }
}
