using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Woohakdong.Core.Common;

/// <summary>
/// <see cref="PeriodicWork"/> that drains a queue: the next pass runs at once while passes say more may wait, as soon as
/// <paramref name="signal"/> announces work recorded on this instance, and otherwise after <paramref name="interval"/>
/// (work recorded by other instances, or due for a retry). The first pass runs at start: work may have waited while no
/// instance ran.
/// </summary>
public abstract class SignalledWork(IServiceScopeFactory scopes, WakeSignal signal, TimeSpan interval, TimeProvider time, ILogger logger)
    : PeriodicWork(scopes, interval, time, logger)
{
    private bool moreMayWait = true;

    /// <summary>One pass; true when more work may be waiting right now.</summary>
    protected abstract Task<bool> RunPassAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        // A failed pass waits for the signal or the interval, not for another immediate try.
        moreMayWait = false;
        moreMayWait = await RunPassAsync(services, ct);
    }

    protected sealed override async Task<bool> WaitForNextPassAsync(PeriodicTimer timer, CancellationToken ct)
    {
        if (!moreMayWait) await signal.WaitAsync(Interval, ct);
        return !ct.IsCancellationRequested;
    }
}
