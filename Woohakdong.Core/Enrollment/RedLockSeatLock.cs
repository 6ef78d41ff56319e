using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using StackExchange.Redis;

namespace Woohakdong.Core.Enrollment;

/// <summary>The production lock: RedLock.net over the app's one Redis connection.</summary>
public sealed class RedLockSeatLock(RedLockFactory factory, IConnectionMultiplexer redis, IOptions<SeatOptions> options) : ISeatLock
{
    public async Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct)
    {
        // Known down: answer at once instead of retrying for the whole wait.
        if (!redis.IsConnected) return SeatLockResult.Unavailable;
        var settings = options.Value;
        IRedLock redLock;
        try
        {
            redLock = await factory.CreateLockAsync(resource, settings.LockLease, settings.LockWait, settings.LockRetry, ct);
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return SeatLockResult.Unavailable;
        }
        if (redLock.IsAcquired) return SeatLockResult.Acquired(new Lease(redLock));
        var status = redLock.Status;
        redLock.Dispose();
        return status == RedLockStatus.Conflicted ? SeatLockResult.TimedOut : SeatLockResult.Unavailable;
    }

    /// <summary>
    /// Releasing runs after the seat is committed: if Redis died meanwhile, the join still succeeded and the lock
    /// expires by itself after <see cref="SeatOptions.LockLease"/>, so a failed release must not fail the request.
    /// </summary>
    private sealed class Lease(IRedLock redLock) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            try
            {
                redLock.Dispose();
            }
            catch (Exception error) when (error is RedisException or TimeoutException or AggregateException)
            {
            }
            return ValueTask.CompletedTask;
        }
    }
}
