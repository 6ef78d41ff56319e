using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Woohakdong.Core.Common.Messaging;

/// <summary>/health reports Redis down (503): seat locks and live updates between instances depend on it.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy("Redis is not connected.");
        try
        {
            var roundTrip = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {roundTrip.TotalMilliseconds:0} ms");
        }
        catch (Exception error) when (RedisOutage.Is(error))
        {
            return HealthCheckResult.Unhealthy("Redis did not answer PING.", error);
        }
    }
}
