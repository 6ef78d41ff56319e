using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Keeps this instance's sold-out memory in step with the others: their "sold out" marks a pool full here (for
/// <see cref="SeatOptions.SoldOutMessageTrust"/>), any other change clears it.
/// </summary>
public sealed class SoldOutListener(
    IEventChannel<SeatsChanged> events, SoldOutGroups soldOut, IEnumerable<IConnectionMultiplexer> redis, IOptions<SeatOptions> options,
    TimeProvider time, ILogger<SoldOutListener> logger) : ChannelListener<SeatsChanged>(events, time, logger)
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messages sent while Redis was unreachable are lost: forget every flag rather than keep a stale one.
        foreach (var connection in redis) connection.ConnectionRestored += (_, _) => soldOut.ClearAll();
        return base.ExecuteAsync(stoppingToken);
    }

    protected override void Handle(SeatsChanged change)
    {
        if (change.SoldOut) soldOut.MarkFullFor(change.PoolId, options.Value.SoldOutMessageTrust);
        else soldOut.Clear(change.PoolId);
    }
}
