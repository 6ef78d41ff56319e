using System.Text.Json;
using StackExchange.Redis;

namespace Woohakdong.Core.Enrollment;

/// <summary>Seat changes on the Redis channel <c>seats</c> as JSON <c>{groupId, seatsLeft}</c>.</summary>
public sealed class RedisSeatEvents(IConnectionMultiplexer redis) : ISeatEvents
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("seats");

    public async Task PublishAsync(SeatsChanged change) =>
        await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(change, JsonSerializerOptions.Web));

    /// <summary>Throws when Redis cannot be reached; once subscribed, the connection re-subscribes after an outage.</summary>
    public IDisposable Subscribe(Action<SeatsChanged> handler)
    {
        var queue = redis.GetSubscriber().Subscribe(Channel);
        queue.OnMessage(message =>
        {
            if (Parse(message.Message) is { } change) handler(change);
        });
        return new Unsubscriber(queue);
    }

    private static SeatsChanged? Parse(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<SeatsChanged>((string)value!, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Unsubscriber(ChannelMessageQueue queue) : IDisposable
    {
        public void Dispose() => queue.Unsubscribe();
    }
}
