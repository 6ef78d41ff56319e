using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Woohakdong.Core.Common.Messaging;

/// <summary>
/// A background listener holding one subscription to a channel for the life of the instance. Redis may be down at
/// start-up: it keeps trying; once subscribed, the connection re-subscribes by itself after an outage.
/// </summary>
public abstract class ChannelListener<T>(IEventChannel<T> events, TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(5);

    protected ILogger Logger { get; } = logger;

    /// <summary>The channel listened to, for a listener that also announces on it.</summary>
    protected IEventChannel<T> Events { get; } = events;

    protected abstract void Handle(T message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                return Events.Subscribe(Handle);
            }
            // A timeout too: on a busy machine SUBSCRIBE can time out, and an escaping exception would stop the host.
            catch (Exception error) when (RedisOutage.Is(error))
            {
                Logger.LogWarning(error, "Could not subscribe to {Message}; retrying in {Delay}", typeof(T).Name, SubscribeRetry);
                await Task.Delay(SubscribeRetry, time, stoppingToken);
            }
        }
    }
}
