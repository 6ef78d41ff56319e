using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

/// <summary>Clears this instance's sold-out flags when another instance frees a seat.</summary>
public sealed class SoldOutListener(
    IEventChannel<SeatsChanged> events, SoldOutGroups soldOut, IEnumerable<IConnectionMultiplexer> redis, TimeProvider time,
    ILogger<SoldOutListener> logger) : BackgroundService
{
    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messages sent while Redis was unreachable are lost: forget every flag rather than keep a stale one.
        foreach (var connection in redis) connection.ConnectionRestored += (_, _) => soldOut.ClearAll();
        var subscription = await SubscribeAsync(stoppingToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken);
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private async Task<IDisposable> SubscribeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return events.Subscribe(change =>
                {
                    if (change.SeatsLeft > 0) soldOut.Clear(change.GroupId);
                });
            }
            catch (RedisException error)
            {
                logger.LogWarning(error, "Could not subscribe to seat changes; retrying in {Delay}", SubscribeRetry);
                await Task.Delay(SubscribeRetry, time, stoppingToken);
            }
        }
    }
}
