using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Woohakdong.Core;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>
/// Core services on a fresh database without a web host; each <see cref="As"/> scope acts as one user, the way a
/// request does. Time is a <see cref="FakeTimeProvider"/> in the middle of a spring term.
/// </summary>
public sealed class SeatHarness : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly ServiceProvider services;
    // Contexts for arranging and asserting come from one scope that lives as long as the harness.
    private readonly AsyncServiceScope dataScope;
    private int userCount;

    private SeatHarness(TestDatabase database, ServiceProvider services, FakeTimeProvider time)
    {
        this.database = database;
        this.services = services;
        dataScope = services.CreateAsyncScope();
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => services;

    public static async Task<SeatHarness> StartAsync(
        DatabaseProvider provider, Action<IServiceCollection>? replace = null, IDictionary<string, string?>? settings = null)
    {
        var database = TestDatabase.Create(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = provider == DatabaseProvider.Postgres
                // The test server is shared by parallel test classes: a crowd of 200 must queue for connections, not exhaust them.
                ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString
                : database.ConnectionString,
            // PortOne's sandbox keys, as the embedded settings have them: tests replace the gateways, but new orders read
            // which version they are made with from these validated options.
            ["PortOne:Sandbox:ImpKey"] = "sandbox_imp_key",
            ["PortOne:Sandbox:ImpSecret"] = "sandbox_imp_secret",
            ["PortOne:Sandbox:MerchantCode"] = "imp00000000",
            ["PortOne:Sandbox:ChannelKey"] = "channel-key-sandbox-kakaopay",
            ["PortOne:Sandbox:V2:StoreId"] = "store-00000000-0000-0000-0000-000000000000",
            ["PortOne:Sandbox:V2:ChannelKey"] = "channel-key-sandbox-v2-kakaopay",
            ["PortOne:Sandbox:V2:ApiSecret"] = "sandbox_v2_api_secret",
            ["PortOne:Sandbox:V2:WebhookSecret"] = "whsec_c2FuZGJveC12Mi13ZWJob29rLXNlY3JldC0zMmJ5dGVz",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 10, 0, 0, KoreanTime.Offset).ToUniversalTime());
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddScoped<TestCurrentUser>();
        collection.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
        collection.AddWoohakdongCore(configuration);
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider(validateScopes: true);
        await services.MigrateDatabaseAsync(TestContext.Current.CancellationToken);
        return new SeatHarness(database, services, time);
    }

    public AsyncServiceScope As(Guid userId)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().UserId = userId;
        return scope;
    }

    public async Task<T> As<TService, T>(Guid userId, Func<TService, Task<T>> act) where TService : notnull
    {
        await using var scope = As(userId);
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A student; with <paramref name="completeProfile"/> every field a club needs is filled in.</summary>
    public async Task<Guid> CreateStudentAsync(bool completeProfile = true)
    {
        var number = Interlocked.Increment(ref userCount);
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = $"student{number}@test.kr", Email = $"student{number}@test.kr",
            NormalizedUserName = $"STUDENT{number}@TEST.KR", NormalizedEmail = $"STUDENT{number}@TEST.KR",
            DisplayName = $"학생{number}", SecurityStamp = Guid.NewGuid().ToString(),
        };
        if (completeProfile)
        {
            user.School = "우학대학교";
            user.Major = "컴퓨터공학과";
            user.StudentNumber = $"2026{number:D4}";
            user.Phone = "010-1234-5678";
        }
        await using var db = await DbAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    /// <summary>A club run by a new president, with its current join group open (or closed) for <paramref name="seatLimit"/>.</summary>
    public async Task<OpenClub> CreateClubAsync(int seatLimit, long fee = 0, bool recruiting = true)
    {
        var president = await CreateStudentAsync();
        var ct = TestContext.Current.CancellationToken;
        var club = await As<ClubService, ClubView>(president, clubs => clubs.CreateAsync(
            new ClubInput($"동아리{userCount}", $"club-{Guid.NewGuid():N}"[..20], "", "", "", fee, seatLimit), ct));
        var group = await As<JoinGroupService, JoinGroupView>(president, groups => groups.GetCurrentAsync(club.Id, ct));
        await As<JoinGroupService, JoinGroupView>(president, groups => groups.UpdateAsync(group.GroupId, recruiting, seatLimit, fee, ct));
        return new OpenClub(club.Id, group.GroupId, president);
    }

    public async Task<JoinGroup> GroupAsync(long groupId)
    {
        await using var db = await DbAsync();
        return await db.JoinGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, TestContext.Current.CancellationToken);
    }

    public async Task<int> AdmittedCountAsync(long groupId)
    {
        await using var db = await DbAsync();
        return await db.Memberships.CountAsync(m => m.JoinGroupId == groupId, TestContext.Current.CancellationToken);
    }

    public Task<AppDbContext> DbAsync() =>
        dataScope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await dataScope.DisposeAsync();
        await services.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed record OpenClub(long ClubId, long GroupId, Guid President);
