using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Woohakdong.Core.Common;

/// <summary>
/// Background work every instance runs in passes, each in its own scope, by default one every interval. The work
/// itself must be safe when several instances run it at once; a failed pass is logged and the next one tries again.
/// The first pass waits until the host has started: hosted services start before Kestrel listens, and work such as
/// mail links or the PortOne sandbox needs the app's own address.
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
        if (!await WhenHostStartedAsync(stoppingToken)) return;
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

    /// <summary>False when the host stops before it started.</summary>
    private async Task<bool> WhenHostStartedAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lifetime = scope.ServiceProvider.GetService<IHostApplicationLifetime>();
        if (lifetime is null) return true;
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        await using var onStopping = stoppingToken.Register(() => started.TrySetResult(false));
        return await started.Task;
    }
}
