using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Enrollment;

/// <summary>The embedded default: one semaphore per club, enough for a single instance.</summary>
public sealed class InProcessSeatLock(IOptions<SeatOptions> options) : ISeatLock
{
    // One small semaphore per club ever seen; never removed, so a waiter can never hold a discarded one.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();

    public async Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(resource, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(options.Value.LockWait, ct)
            ? SeatLockResult.Acquired(new Release(gate))
            : SeatLockResult.TimedOut;
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
