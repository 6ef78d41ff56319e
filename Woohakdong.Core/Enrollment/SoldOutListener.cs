using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

/// <summary>Clears this instance's sold-out flags when another instance frees a seat.</summary>
public sealed class SoldOutListener(
    IEventChannel<SeatsChanged> events, SoldOutGroups soldOut, IEnumerable<IConnectionMultiplexer> redis, TimeProvider time,
    ILogger<SoldOutListener> logger) : ChannelListener<SeatsChanged>(events, time, logger)
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messages sent while Redis was unreachable are lost: forget every flag rather than keep a stale one.
        foreach (var connection in redis) connection.ConnectionRestored += (_, _) => soldOut.ClearAll();
        return base.ExecuteAsync(stoppingToken);
    }

    protected override void Handle(SeatsChanged change)
    {
        if (change.SeatsLeft > 0) soldOut.Clear(change.PoolId);
    }
}
