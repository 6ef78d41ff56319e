using StackExchange.Redis;

namespace Woohakdong.Core.Common.Messaging;

/// <summary>
/// What Redis being down or slow looks like to its client: a <see cref="RedisException"/>, or a timeout, which
/// StackExchange.Redis raises as <see cref="RedisTimeoutException"/> (a <see cref="TimeoutException"/>, not a
/// <see cref="RedisException"/>). Every caller that rides out an outage catches exactly these.
/// </summary>
public static class RedisOutage
{
    public static bool Is(Exception error) => error is RedisException or TimeoutException;
}
