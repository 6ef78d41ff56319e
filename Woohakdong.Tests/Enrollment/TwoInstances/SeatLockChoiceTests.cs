using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary><c>Seats:Lock</c>: the no-lock mode that proves the database guard on running instances, and where it is refused.</summary>
public sealed class SeatLockChoiceTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData(null)]
    public void No_lock_is_refused_in_production_or_when_the_environment_is_unknown_naming_the_setting(string? environment)
    {
        var result = Validator(environment).Validate(null, new SeatOptions { Lock = SeatLockChoice.None });

        Assert.True(result.Failed);
        Assert.Contains("Seats:Lock=None", result.FailureMessage);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Development")]
    public void No_lock_is_allowed_outside_production(string environment)
    {
        var result = Validator(environment).Validate(null, new SeatOptions { Lock = SeatLockChoice.None });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void The_automatic_lock_is_allowed_in_production()
    {
        Assert.True(Validator("Production").Validate(null, new SeatOptions()).Succeeded);
    }

    [Fact]
    public void Production_without_redis_is_refused_naming_the_setting()
    {
        var result = Validator("Production", redisConfigured: false).Validate(null, new SeatOptions());

        Assert.True(result.Failed);
        Assert.Contains("Redis:Configuration is required", result.FailureMessage);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void The_embedded_default_runs_without_redis(string environment)
    {
        Assert.True(Validator(environment, redisConfigured: false).Validate(null, new SeatOptions()).Succeeded);
    }

    [Theory]
    [InlineData("None", null, typeof(NoSeatLock))]
    [InlineData("None", "127.0.0.1:1,abortConnect=false,connectTimeout=200", typeof(NoSeatLock))]
    [InlineData("Auto", null, typeof(InProcessSeatLock))]
    [InlineData(null, null, typeof(InProcessSeatLock))]
    [InlineData("Auto", "127.0.0.1:1,abortConnect=false,connectTimeout=200", typeof(RedLockSeatLock))]
    public void The_setting_chooses_the_lock(string? choice, string? redis, Type expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SeatOptions.LockKey] = choice,
            [SeatOptions.RedisConfigurationKey] = redis,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddEnrollment(configuration).BuildServiceProvider();

        Assert.IsType(expected, services.GetRequiredService<ISeatLock>());
    }

    [Fact]
    public void The_host_environment_reaches_the_validator_through_dependency_injection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SeatOptions.LockKey] = "None" }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IHostEnvironment>(new Environment("Staging"))
            .AddEnrollment(configuration).BuildServiceProvider();

        Assert.Equal(SeatLockChoice.None, services.GetRequiredService<IOptions<SeatOptions>>().Value.Lock);
    }

    private static SeatOptionsValidator Validator(string? environment, bool redisConfigured = true) =>
        new(environment is null ? null : new Environment(environment), redisConfigured);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Woohakdong.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
