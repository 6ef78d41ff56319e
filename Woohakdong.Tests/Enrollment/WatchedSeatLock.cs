using System.Collections.Concurrent;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>The real lock, telling a test how many callers are waiting for a resource, so it can wait for that state.</summary>
public sealed class WatchedSeatLock(ISeatLock inner) : ISeatLock
{
    private readonly ConcurrentDictionary<string, int> waiting = new();

    public async Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct)
    {
        waiting.AddOrUpdate(resource, 1, (_, count) => count + 1);
        try
        {
            return await inner.AcquireAsync(resource, ct);
        }
        finally
        {
            waiting.AddOrUpdate(resource, 0, (_, count) => count - 1);
        }
    }

    /// <summary>Returns once <paramref name="callers"/> callers wait for <paramref name="resource"/>.</summary>
    public Task UntilWaitingAsync(string resource, int callers, CancellationToken ct) =>
        Eventually.TrueAsync(() => waiting.GetValueOrDefault(resource) >= callers, $"{callers} waiting for {resource}", ct);
}
