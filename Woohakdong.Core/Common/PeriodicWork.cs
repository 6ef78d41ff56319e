using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Woohakdong.Core.Common;

/// <summary>
/// Background work every instance runs in passes, each in its own scope, by default one every interval. The work
/// itself must be safe when several instances run it at once; a failed pass is logged and the next one tries again.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The time between passes (at most, for work that is also woken).</summary>
    protected TimeSpan Interval { get; } = interval;

    /// <summary>One pass with the scope's services.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>Returns when the next pass is due (false: no more passes). By default at the next tick of the interval.</summary>
    protected virtual async Task<bool> WaitForNextPassAsync(PeriodicTimer timer, CancellationToken ct) =>
        await timer.WaitForNextTickAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await WaitForNextPassAsync(timer, stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A database, storage or gateway hiccup must not end the work for the life of the instance.
                logger.LogWarning(error, "{Work} failed; trying again in {Interval}", GetType().Name, Interval);
            }
        }
    }
}
