using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RedLockNet;
using RedLockNet.SERedis;
using RedLockNet.SERedis.Configuration;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

public static class EnrollmentRegistration
{
    /// <summary>
    /// Seat pools, holds and their lock (each kind of pool registers its <see cref="ISeatGrant"/> with its feature): Redis when <c>Redis:Configuration</c> is set, in-process otherwise, none when
    /// <c>Seats:Lock</c> is <c>None</c> (Redis still carries seat events and shows in /health then).
    /// </summary>
    public static IServiceCollection AddEnrollment(this IServiceCollection services, IConfiguration configuration)
    {
        var withRedis = MessagingRegistration.HasRedis(configuration);
        services.AddOptions<SeatOptions>().Bind(configuration.GetSection(SeatOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SeatOptions>>(sp => new SeatOptionsValidator(sp.GetService<IHostEnvironment>(), withRedis));
        services.AddSingleton<SoldOutGroups>();
        services.AddSingleton<SeatGrants>();
        // Also the per-instance queue in front of the Redis lock (see RedLockSeatLock).
        services.AddSingleton<InProcessSeatLock>();
        services.AddSingleton<SeatChanges>();
        services.AddSingleton<FreedSeats>();
        services.AddSingleton<SeatDecisions>();
        services.AddScoped<SeatService>();
        services.AddScoped<HoldService>();
        services.AddHostedService<HoldSweeper>();
        services.AddHostedService<SoldOutListener>();

        services.AddEventChannel<SeatsChanged>(configuration, "seats");
        if (withRedis) AddRedLock(services, configuration);

        var choice = configuration.GetValue(SeatOptions.LockKey, SeatLockChoice.Auto);
        if (choice == SeatLockChoice.None) services.AddSingleton<ISeatLock, NoSeatLock>();
        else if (withRedis) services.AddSingleton<ISeatLock, RedLockSeatLock>();
        else services.AddSingleton<ISeatLock>(sp => sp.GetRequiredService<InProcessSeatLock>());
        return services;
    }

    private static void AddRedLock(IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisConnection(configuration);
        // One quorum attempt per try: the lock's own wait/retry (Seats:LockWait, Seats:LockRetry) is then the only
        // pacing. RedLock.net's default adds up to 3 attempts with random 0–400 ms sleeps to every try, which left the
        // lock idle between holders in the flash-crowd benchmark (docs/benchmarks.md).
        services.AddEventChannel<SeatLockReleased>(configuration, "seat-lock-released");
        services.AddSingleton<SeatLockReleases>();
        services.AddHostedService(sp => sp.GetRequiredService<SeatLockReleases>());
        services.AddSingleton<IDistributedLockFactory>(sp => RedLockFactory.Create(
            [new RedLockMultiplexer(sp.GetRequiredService<IConnectionMultiplexer>())],
            new RedLockRetryConfiguration(retryCount: 1, retryDelayMs: 10),
            sp.GetRequiredService<ILoggerFactory>()));
    }
}
