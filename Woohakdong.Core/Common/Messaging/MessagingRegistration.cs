using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Woohakdong.Core.Common.Messaging;

public static class MessagingRegistration
{
    public const string RedisConfigurationKey = "Redis:Configuration";

    public static bool HasRedis(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[RedisConfigurationKey]);

    /// <summary>An <see cref="IEventChannel{T}"/> named <paramref name="name"/>: on Redis when configured, in-process otherwise.</summary>
    public static IServiceCollection AddEventChannel<T>(this IServiceCollection services, IConfiguration configuration, string name)
    {
        if (!HasRedis(configuration)) return services.AddSingleton<IEventChannel<T>, InProcessEventChannel<T>>();
        services.AddRedisConnection(configuration);
        return services.AddSingleton<IEventChannel<T>>(sp => new RedisEventChannel<T>(
            sp.GetRequiredService<IConnectionMultiplexer>(), name, sp.GetRequiredService<ILogger<RedisEventChannel<T>>>()));
    }

    /// <summary>The app's one Redis connection (and its /health check), registered once however many features ask.</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(service => service.ServiceType == typeof(IConnectionMultiplexer))) return services;
        var redis = configuration[RedisConfigurationKey]!;
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start even while Redis is down, and reconnect by itself when it returns (no restart needed).
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
