using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Enrollment;

/// <summary>Every instance runs this; the conditional state update makes concurrent sweeps release each seat once.</summary>
public sealed class HoldSweeper(
    IServiceScopeFactory scopes, IOptions<SeatOptions> options, TimeProvider time, ILogger<HoldSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<HoldService>().ExpireHoldsAsync(stoppingToken);
                if (expired > 0) logger.LogInformation("Expired {Count} seat holds", expired);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database hiccup must not end the sweeping for the life of the instance.
                logger.LogWarning(error, "Seat hold sweep failed; trying again next interval");
            }
        }
    }
}
