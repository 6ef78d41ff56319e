using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Common;

/// <summary>
/// A listener whose SUBSCRIBE times out (StackExchange.Redis raises a TimeoutException, not a RedisException, for it)
/// keeps trying instead of failing and stopping the host: a busy CI machine stopped an instance this way.
/// </summary>
public sealed class ChannelListenerOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("timeout")]
    [InlineData("connection")]
    public async Task A_subscribe_that_fails_with_an_outage_is_tried_again_and_then_listens(string outage)
    {
        var time = new FakeTimeProvider();
        var channel = new FlakyChannel(outage == "timeout"
            ? new RedisTimeoutException(CommandFlags.None, "Timeout performing SUBSCRIBE (5000ms)", CommandStatus.Sent)
            : new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "no Redis", null, CommandStatus.Unknown));
        var soldOut = new SoldOutGroups(time);
        using var listener = new SoldOutListener(channel, soldOut, Array.Empty<IConnectionMultiplexer>(),
            Options.Create(new SeatOptions()), time, NullLogger<SoldOutListener>.Instance);

        await listener.StartAsync(Ct);
        await Eventually.TrueAsync(() => channel.Attempts >= 1, "the first subscribe tried", Ct);
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return channel.Attempts >= 2;
        }, "the subscribe tried again", Ct);
        await channel.PublishAsync(new SeatsChanged(7, 0, SoldOut: true));

        Assert.True(soldOut.IsFull(7));
        Assert.False(listener.ExecuteTask!.IsFaulted);
        await listener.StopAsync(Ct);
    }

    /// <summary>Fails its first subscribe with <paramref name="outage"/>, then delivers in process.</summary>
    private sealed class FlakyChannel(Exception outage) : IEventChannel<SeatsChanged>
    {
        private readonly InProcessEventChannel<SeatsChanged> inner = new();
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public Task PublishAsync(SeatsChanged message) => inner.PublishAsync(message);

        public IDisposable Subscribe(Action<SeatsChanged> handler) =>
            Interlocked.Increment(ref attempts) == 1 ? throw outage : inner.Subscribe(handler);
    }
}
