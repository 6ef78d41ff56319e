using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using StackExchange.Redis;

using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// The production lock: this instance's crowd first queues on its in-process lock, then the one request at its head
/// takes the club's RedLock. A queue hands the lock over at once; between instances the holder announces its release
/// (<see cref="SeatLockReleases"/>) and the waiting instance tries again on that message, with a poll every
/// <see cref="SeatOptions.LockRetry"/> as the fallback, so the shared lock does not sit idle between holders.
/// While Redis is unreachable the in-process lock alone is kept (chosen: keep admitting during an outage rather than
/// turning a recruitment rush away): each instance still decides one seat at a time, and the guarded counter update
/// decides between instances, so nothing is oversold; only the order across instances is no longer kept.
/// </summary>
public sealed class RedLockSeatLock(
    IDistributedLockFactory factory, IConnectionMultiplexer redis, InProcessSeatLock localQueue, SeatLockReleases releases,
    IOptions<SeatOptions> options, TimeProvider time, ILogger<RedLockSeatLock> logger) : ISeatLock
{
    public async Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct)
    {
        var local = await localQueue.AcquireAsync(resource, ct);
        if (local.Status != SeatLockStatus.Acquired) return local;
        try
        {
            return await AcquireSharedAsync(resource, local, ct);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private async Task<SeatLockResult> AcquireSharedAsync(string resource, SeatLockResult local, CancellationToken ct)
    {
        // Known down: answer at once instead of retrying for the whole wait.
        if (!redis.IsConnected) return KeepLocalOnly(resource, local);
        var settings = options.Value;
        var deadline = time.GetUtcNow() + settings.LockWait;
        while (true)
        {
            var released = releases.NextReleaseAsync(resource);
            IRedLock redLock;
            try
            {
                redLock = await factory.CreateLockAsync(resource, settings.LockLease);
            }
            catch (Exception error) when (RedisOutage.Is(error))
            {
                return KeepLocalOnly(resource, local);
            }
            if (redLock.IsAcquired) return SeatLockResult.Acquired(new Lease(redLock, local, releases, resource));
            var status = redLock.Status;
            redLock.Dispose();
            if (status != RedLockStatus.Conflicted) return KeepLocalOnly(resource, local);
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero || !await WokenBeforeDeadlineAsync(released, settings.LockRetry, left, ct))
            {
                await local.DisposeAsync();
                return SeatLockResult.TimedOut;
            }
        }
    }

    /// <summary>Waits for the holder's release message, or polls again after <paramref name="poll"/>; false once the wait is over.</summary>
    private async Task<bool> WokenBeforeDeadlineAsync(Task released, TimeSpan poll, TimeSpan left, CancellationToken ct)
    {
        var pollAt = poll < left ? poll : left;
        using var pollTimer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(released, Task.Delay(pollAt, time, pollTimer.Token));
        await pollTimer.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return released.IsCompleted || pollAt < left;
    }

    private SeatLockResult KeepLocalOnly(string resource, SeatLockResult local)
    {
        logger.LogWarning("Redis lock for {Resource} is unavailable; this instance's lock and the database guard decide", resource);
        return local;
    }

    /// <summary>
    /// Releasing runs after the seat is committed: if Redis died meanwhile, the join still succeeded and the lock
    /// expires by itself after <see cref="SeatOptions.LockLease"/>, so a failed release must not fail the request.
    /// </summary>
    private sealed class Lease(IRedLock redLock, SeatLockResult local, SeatLockReleases releases, string resource) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                redLock.Dispose();
            }
            catch (Exception error) when (RedisOutage.Is(error) || error is AggregateException)
            {
            }
            await local.DisposeAsync();
            // Not awaited: the seat is committed and the lock free; the message only wakes another instance's waiter sooner.
            _ = releases.AnnounceAsync(resource);
        }
    }
}
