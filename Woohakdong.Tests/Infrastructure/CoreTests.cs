namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// Base of service tests that run once per provider: a derived class picks <see cref="SqliteCore"/> or
/// <see cref="PostgresCore"/>. Every test starts as an anonymous caller and seeds its own club; the shared clock
/// only moves forward, so a test that needs a given date starts a harness of its own.
/// </summary>
public abstract class CoreTests<TCore> : IClassFixture<TCore> where TCore : CoreHarness
{
    protected CoreTests(TCore core)
    {
        Core = core;
        core.ActAs(null);
    }

    protected TCore Core { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
