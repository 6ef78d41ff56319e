using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment;

/// <summary>One harness per provider, shared by a test class; every test makes its own club and students.</summary>
public abstract class SeatFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public SeatHarness Harness { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Harness = await SeatHarness.StartAsync(provider, services =>
        services.AddSingleton<ISeatLock>(sp => new WatchedSeatLock(sp.GetRequiredService<InProcessSeatLock>())));

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSeatFixture() : SeatFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSeatFixture() : SeatFixture(DatabaseProvider.Postgres);
