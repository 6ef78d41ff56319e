using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>Another instance's word on the seats channel: "sold out" marks the pool full here for a while, anything else clears it.</summary>
public sealed class SoldOutListenerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sold_out_from_another_instance_is_answered_from_memory_until_its_trust_runs_out_or_a_seat_is_freed()
    {
        var time = new FakeTimeProvider();
        var soldOut = new SoldOutGroups(time);
        var channel = new InProcessEventChannel<SeatsChanged>();
        var options = Options.Create(new SeatOptions { SoldOutMessageTrust = TimeSpan.FromSeconds(2) });
        using var listener = new SoldOutListener(channel, soldOut, Array.Empty<IConnectionMultiplexer>(), options, time, NullLogger<SoldOutListener>.Instance);
        await listener.StartAsync(Ct);
        await Eventually.TrueAsync(async () =>
        {
            await channel.PublishAsync(new SeatsChanged(7, 0, SoldOut: true));
            return soldOut.IsFull(7);
        }, "the listener subscribed and marked the pool", Ct);

        time.Advance(TimeSpan.FromSeconds(2));
        var fullAfterTrust = soldOut.IsFull(7);
        await channel.PublishAsync(new SeatsChanged(8, 0, SoldOut: true));
        await channel.PublishAsync(new SeatsChanged(8, 1));
        await channel.PublishAsync(new SeatsChanged(9, 0, SoldOut: true));
        await channel.PublishAsync(new SeatsChanged(9, 0, SoldOut: false));

        Assert.False(fullAfterTrust);
        Assert.False(soldOut.IsFull(8));
        Assert.False(soldOut.IsFull(9));
        await listener.StopAsync(Ct);
    }
}
