using System.Collections.Concurrent;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>The real lock, telling a test how many callers are waiting for a resource (so it can wait for that state) and how often it was taken.</summary>
public sealed class WatchedSeatLock(ISeatLock inner) : ISeatLock
{
    private readonly ConcurrentDictionary<string, int> waiting = new();
    private readonly ConcurrentDictionary<string, int> acquired = new();

    public async Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct)
    {
        waiting.AddOrUpdate(resource, 1, (_, count) => count + 1);
        try
        {
            var result = await inner.AcquireAsync(resource, ct);
            if (result.Status == SeatLockStatus.Acquired) acquired.AddOrUpdate(resource, 1, (_, count) => count + 1);
            return result;
        }
        finally
        {
            waiting.AddOrUpdate(resource, 0, (_, count) => count - 1);
        }
    }

    /// <summary>How many times the lock of <paramref name="resource"/> was taken.</summary>
    public int Acquisitions(string resource) => acquired.GetValueOrDefault(resource);

    /// <summary>Returns once <paramref name="callers"/> callers wait for <paramref name="resource"/>.</summary>
    public Task UntilWaitingAsync(string resource, int callers, CancellationToken ct) =>
        Eventually.TrueAsync(() => waiting.GetValueOrDefault(resource) >= callers, $"{callers} waiting for {resource}", ct);
}
