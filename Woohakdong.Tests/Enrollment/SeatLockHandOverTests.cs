using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using RedLockNet.SERedis.Configuration;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>Two instances' Redis locks on one Redis: the waiting instance is woken by the holder's release message.</summary>
public sealed class SeatLockHandOverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_instance_waiting_for_the_lock_takes_it_on_the_holders_release_message_not_at_its_next_poll()
    {
        // The poll interval is the whole wait: without the message the waiter's only retry would come at its deadline,
        // which answers TimedOut. Taking the lock before that is the message's doing.
        var settings = new SeatOptions { LockWait = TimeSpan.FromMinutes(2), LockRetry = TimeSpan.FromMinutes(2) };
        await using var a = await LockInstance.StartAsync(settings);
        await using var b = await LockInstance.StartAsync(settings);
        var resource = $"club:handover-{Guid.NewGuid():N}:seats";

        var held = await a.Lock.AcquireAsync(resource, Ct);
        var waiting = b.Lock.AcquireAsync(resource, Ct);
        await b.Attempts.FirstConflictAsync.WaitAsync(Ct);
        await held.DisposeAsync();
        await using var taken = await waiting;

        Assert.Equal((SeatLockStatus.Acquired, SeatLockStatus.Acquired, 2), (held.Status, taken.Status, b.Attempts.Count));
    }

    [Fact]
    public async Task Without_a_release_the_waiter_polls_and_times_out_at_its_deadline()
    {
        // A wait of forty poll intervals: "more than one poll" must not depend on how fast a busy machine runs the first
        // (a 300 ms wait once saw a single poll in a parallel suite).
        var settings = new SeatOptions { LockWait = TimeSpan.FromSeconds(2), LockRetry = TimeSpan.FromMilliseconds(50) };
        await using var a = await LockInstance.StartAsync(settings);
        await using var b = await LockInstance.StartAsync(settings);
        var resource = $"club:handover-{Guid.NewGuid():N}:seats";

        await using var held = await a.Lock.AcquireAsync(resource, Ct);
        await using var refused = await b.Lock.AcquireAsync(resource, Ct);

        Assert.Equal(SeatLockStatus.TimedOut, refused.Status);
        Assert.True(b.Attempts.Count > 1, $"the waiter polled {b.Attempts.Count} time(s)");
    }

    /// <summary>One app instance's lock: its own Redis connection, local queue and release listener.</summary>
    private sealed class LockInstance : IAsyncDisposable
    {
        private readonly ConnectionMultiplexer redis;
        private readonly RedLockFactory factory;
        private readonly SeatLockReleases releases;

        private LockInstance(ConnectionMultiplexer redis, SeatOptions settings)
        {
            this.redis = redis;
            factory = RedLockFactory.Create([new RedLockMultiplexer(redis)], new RedLockRetryConfiguration(retryCount: 1, retryDelayMs: 10));
            Attempts = new CountingLockFactory(factory);
            var options = Options.Create(settings);
            releases = new SeatLockReleases(
                new RedisEventChannel<SeatLockReleased>(redis, "seat-lock-released", NullLogger<RedisEventChannel<SeatLockReleased>>.Instance),
                TimeProvider.System, NullLogger<SeatLockReleases>.Instance);
            Lock = new RedLockSeatLock(Attempts, redis, new InProcessSeatLock(options), releases, options, TimeProvider.System,
                NullLogger<RedLockSeatLock>.Instance);
        }

        public RedLockSeatLock Lock { get; }
        public CountingLockFactory Attempts { get; }

        public static async Task<LockInstance> StartAsync(SeatOptions settings)
        {
            var instance = new LockInstance(await ConnectionMultiplexer.ConnectAsync(TestServices.Redis), settings);
            await instance.releases.StartAsync(Ct);
            return instance;
        }

        public async ValueTask DisposeAsync()
        {
            await releases.StopAsync(CancellationToken.None);
            factory.Dispose();
            await redis.DisposeAsync();
        }
    }

    /// <summary>Counts the Redis lock attempts and tells when the first one found the lock taken.</summary>
    private sealed class CountingLockFactory(IDistributedLockFactory inner) : IDistributedLockFactory
    {
        private readonly TaskCompletionSource firstConflict = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int count;

        public int Count => count;
        public Task FirstConflictAsync => firstConflict.Task;

        public async Task<IRedLock> CreateLockAsync(string resource, TimeSpan expiryTime)
        {
            var redLock = await inner.CreateLockAsync(resource, expiryTime);
            Interlocked.Increment(ref count);
            if (redLock.Status == RedLockStatus.Conflicted) firstConflict.TrySetResult();
            return redLock;
        }

        public IRedLock CreateLock(string resource, TimeSpan expiryTime) => throw new NotSupportedException();
        public IRedLock CreateLock(string resource, TimeSpan expiryTime, TimeSpan waitTime, TimeSpan retryTime, CancellationToken? cancellationToken = null) => throw new NotSupportedException();
        public Task<IRedLock> CreateLockAsync(string resource, TimeSpan expiryTime, TimeSpan waitTime, TimeSpan retryTime, CancellationToken? cancellationToken = null) => throw new NotSupportedException();
    }
}
