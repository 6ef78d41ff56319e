using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Items;

/// <summary>Runs <see cref="OrphanUploadSweep"/> on every instance, every <see cref="ItemOptions.OrphanSweepInterval"/>.</summary>
public sealed class OrphanUploadSweeper(
    IServiceScopeFactory scopes, IOptions<ItemOptions> options, TimeProvider time, ILogger<OrphanUploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OrphanSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<OrphanUploadSweep>().RunOnceAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} orphaned uploads", deleted);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A storage or database hiccup must not end the sweeping for the life of the instance.
                logger.LogWarning(error, "Orphan upload sweep failed; trying again next interval");
            }
        }
    }
}
