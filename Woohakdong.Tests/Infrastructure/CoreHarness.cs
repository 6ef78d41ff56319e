using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Woohakdong.Core;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>The caller a test acts as; switch it between steps with <see cref="CoreHarness.ActAs"/>.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public Guid? UserId { get; set; }
}

/// <summary>
/// The Core services without the web host, on a fresh migrated database, with a clock and a caller the test
/// controls: a class fixture (<see cref="SqliteCore"/>, <see cref="PostgresCore"/>) shared through <see cref="CoreTests{TCore}"/>,
/// or one per test through <see cref="StartAsync"/>.
/// </summary>
public class CoreHarness(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    /// <summary>A spring-term weekday morning in KST, so nothing sits near a term boundary unless a test moves the clock.</summary>
    public static readonly DateTimeOffset DefaultNow = Kst(2026, 4, 1, 10, 0, 0);

    private readonly TestDatabase database = TestDatabase.Create(provider);
    private readonly TestCurrentUser caller = new();
    private ServiceProvider services = null!;
    private AsyncServiceScope scope;
    private int userCount;

    public FakeTimeProvider Clock { get; } = new(DefaultNow.ToUniversalTime());

    /// <summary>A harness of its own, for a test that moves the clock (<see cref="FakeTimeProvider"/> only goes forward).</summary>
    public static async Task<CoreHarness> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var harness = new CoreHarness(provider, settings);
        await harness.InitializeAsync();
        return harness;
    }

    public static DateTimeOffset Kst(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, KoreanTime.Offset);

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        services = new ServiceCollection()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<ICurrentUser>(caller)
            .AddLogging()
            .AddWoohakdongCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        scope = services.CreateAsyncScope();
        await services.MigrateDatabaseAsync(TestContext.Current.CancellationToken);
    }

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public Task<AppDbContext> DbAsync() =>
        Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    public void ActAs(Guid? userId) => caller.UserId = userId;

    public void SetNow(DateTimeOffset now) => Clock.SetUtcNow(now.ToUniversalTime());

    public Term CurrentTerm => Term.Current(Clock);

    /// <summary>Adds an account with a full profile directly through the database; the caller is left unchanged.</summary>
    public async Task<AppUser> AddUserAsync(string name)
    {
        var number = Interlocked.Increment(ref userCount);
        var email = $"user{number}-{Guid.NewGuid():N}@woohakdong.test";
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = name, School = "우학대학교", Major = "컴퓨터공학과",
            StudentNumber = $"2026{number:D4}", Phone = $"010-1234-{number:D4}",
        };
        await using var db = await DbAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user;
    }

    /// <summary>Gives a user a role in a club directly (there is no join flow yet); the current term unless told.</summary>
    public async Task<ClubMembership> AddMembershipAsync(long clubId, Guid userId, ClubRole role, Term? term = null)
    {
        var membership = new ClubMembership { ClubId = clubId, UserId = userId, Role = role, TermKey = (term ?? CurrentTerm).Key };
        await using var db = await DbAsync();
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return membership;
    }

    /// <summary>Creates a club through <see cref="ClubService"/> as <paramref name="presidentId"/>, then restores the caller.</summary>
    public async Task<ClubView> CreateClubAsync(Guid presidentId, string englishName, string name = "우학동 사진부")
    {
        var previous = caller.UserId;
        ActAs(presidentId);
        try
        {
            return await Get<ClubService>().CreateAsync(ClubInputs.Valid(name, englishName), TestContext.Current.CancellationToken);
        }
        finally
        {
            ActAs(previous);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>One SQLite database shared by a test class; each test seeds its own club.</summary>
public sealed class SqliteCore() : CoreHarness(DatabaseProvider.Sqlite);

/// <summary>One PostgreSQL database shared by a test class; each test seeds its own club.</summary>
public sealed class PostgresCore() : CoreHarness(DatabaseProvider.Postgres);

public static class ClubInputs
{
    public static ClubInput Valid(string name = "우학동 사진부", string englishName = "photo") =>
        new(name, englishName, "매주 목요일 출사", "학생회관 304호", "https://open.kakao.com/o/photo", 10_000, 30);
}
