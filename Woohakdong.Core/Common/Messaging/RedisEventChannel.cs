using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Woohakdong.Core.Common.Messaging;

/// <summary>Messages as JSON on one Redis pub/sub channel, shared by every instance.</summary>
public sealed class RedisEventChannel<T>(IConnectionMultiplexer redis, string name, ILogger<RedisEventChannel<T>> logger)
    : IEventChannel<T>
{
    private readonly RedisChannel channel = RedisChannel.Literal(name);

    public async Task PublishAsync(T message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, JsonSerializer.Serialize(message, JsonSerializerOptions.Web));
        }
        catch (Exception error) when (RedisOutage.Is(error))
        {
            logger.LogWarning(error, "Could not publish on Redis channel {Channel}", name);
        }
    }

    public IDisposable Subscribe(Action<T> handler)
    {
        var queue = redis.GetSubscriber().Subscribe(channel);
        queue.OnMessage(received =>
        {
            if (Parse(received.Message) is { } message) handler(message);
        });
        return new Unsubscriber(queue);
    }

    private static T? Parse(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<T>((string)value!, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private sealed class Unsubscriber(ChannelMessageQueue queue) : IDisposable
    {
        public void Dispose() => queue.Unsubscribe();
    }
}
