using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>A flash crowd on PostgreSQL, each attempt in its own scope as its own student.</summary>
public sealed class SeatConcurrencyTests
{
    private const int Seats = 20;
    private const int Crowd = 200;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_any_lock_the_database_alone_admits_exactly_the_limit()
    {
        await using var harness = await SeatHarness.StartAsync(
            DatabaseProvider.Postgres, services => services.AddSingleton<ISeatLock, NoSeatLock>());

        var outcomes = await RushAsync(harness);

        Assert.Equal(Seats, outcomes.Count(o => o == "ADMITTED"));
        Assert.All(outcomes.Where(o => o != "ADMITTED"), o => Assert.Equal(ErrorCodes.Full, o));
    }

    [Fact]
    public async Task Under_the_redis_lock_exactly_the_limit_is_admitted()
    {
        await using var harness = await SeatHarness.StartAsync(
            DatabaseProvider.Postgres, settings: new Dictionary<string, string?> { ["Redis:Configuration"] = TestServices.Redis });
        Assert.IsType<RedLockSeatLock>(harness.Services.GetRequiredService<ISeatLock>());
        // Without Redis the lock falls back to this process alone and the rush would still pass: insist on a live server.
        await harness.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();

        var outcomes = await RushAsync(harness);

        Assert.Equal(Seats, outcomes.Count(o => o == "ADMITTED"));
        Assert.All(outcomes.Where(o => o != "ADMITTED"), o => Assert.Contains(o, new[] { ErrorCodes.Full, ErrorCodes.Busy }));
    }

    private static async Task<string[]> RushAsync(SeatHarness harness)
    {
        var club = await harness.CreateClubAsync(seatLimit: Seats);
        var students = new List<Guid>();
        for (var i = 0; i < Crowd; i++) students.Add(await harness.CreateStudentAsync());

        var outcomes = await Task.WhenAll(students.Select(student => Task.Run(async () =>
        {
            try
            {
                await harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(club.GroupId, Ct));
                return "ADMITTED";
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)));

        var group = await harness.GroupAsync(club.GroupId);
        Assert.Equal(Seats, group.SeatsTaken);
        Assert.Equal(Seats, await harness.AdmittedCountAsync(club.GroupId));
        return outcomes;
    }
}
