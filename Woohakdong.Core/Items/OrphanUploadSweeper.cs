using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Items;

/// <summary>Runs <see cref="OrphanUploadSweep"/> on every instance, every <see cref="ItemOptions.OrphanSweepInterval"/>.</summary>
public sealed class OrphanUploadSweeper(
    IServiceScopeFactory scopes, IOptions<ItemOptions> options, TimeProvider time, ILogger<OrphanUploadSweeper> logger)
    : PeriodicWork(scopes, options.Value.OrphanSweepInterval, time, logger)
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var deleted = await services.GetRequiredService<OrphanUploadSweep>().RunOnceAsync(ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} orphaned uploads", deleted);
    }
}
