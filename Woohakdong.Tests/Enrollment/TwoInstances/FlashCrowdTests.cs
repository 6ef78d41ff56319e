using System.Net;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary>500 students click 가입하기 on a 50-seat free club at once, half of them on each of two app processes.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class FlashCrowdTests(TwoInstances apps)
{
    private const int Seats = 50;
    // Half the collection's students: the figures tracked since these tests began are for 500.
    private const int CrowdSize = 500;
    private const int NoLockPoolSize = 12;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Under_the_redis_lock_exactly_the_seats_are_taken_and_everyone_else_hears_full()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(apps.SetupReport);
        var club = await apps.OpenFreeClubAsync(Seats, Ct);

        var outcomes = await Crowd.RushAsync(AttemptsSplitOver(apps.A, apps.Clients[apps.A], apps.B, apps.Clients[apps.B]), club.GroupId, Ct);

        await AssertExactlySoldOutAsync(outcomes, club, apps.RecentOutput);
    }

    [Fact]
    public async Task Without_any_lock_on_either_instance_the_database_alone_keeps_the_limit()
    {
        // Start-up refuses Seats:Lock=None in Production, so this pair runs as Staging: otherwise the same settings.
        var pair = await apps.StartPairAsync("Staging", NoLockPoolSize, new Dictionary<string, string> { [SeatOptions.LockKey] = "None" }, Ct);
        await using var first = pair[0];
        await using var second = pair[1];
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var club = await apps.OpenFreeClubAsync(Seats, Ct);

        var outcomes = await Crowd.RushAsync(AttemptsSplitOver(first, firstClient, second, secondClient), club.GroupId, Ct);

        Assert.DoesNotContain(outcomes, o => o.BusyAnswers > 0);
        await AssertExactlySoldOutAsync(outcomes, club, $"{first.RecentOutput}\n{second.RecentOutput}");
    }

    [Fact]
    public async Task Redis_dying_mid_crowd_oversells_nothing_and_joining_recovers_without_a_restart_when_it_returns()
    {
        var club = await apps.OpenFreeClubAsync(Seats, Ct);
        var admittedSoFar = 0;
        Task? redisStopping = null;

        JoinOutcome[] outcomes;
        try
        {
            // Half the seats are decided under the lock, the other half after Redis is gone.
            outcomes = await Crowd.RushAsync(
                AttemptsSplitOver(apps.A, apps.Clients[apps.A], apps.B, apps.Clients[apps.B]), club.GroupId, Ct, outcome =>
                {
                    if (outcome.Admitted && Interlocked.Increment(ref admittedSoFar) == Seats / 2) redisStopping = apps.Redis.StopAsync();
                });
            Assert.NotNull(redisStopping);
            await redisStopping;

            Assert.All(outcomes, o => Assert.True(o.Admitted || (o.Status == HttpStatusCode.Conflict && o.Code is not null), $"{o}\n{apps.RecentOutput}"));
            var (seatsTaken, memberships) = await apps.SeatsInDatabaseAsync(club.GroupId, Ct);
            Assert.InRange(memberships, 0, Seats);
            Assert.Equal(memberships, seatsTaken);
            Assert.Equal(memberships, outcomes.Count(o => o.Admitted));
            foreach (var instance in new[] { apps.A, apps.B })
                await Health.AssertBecomesAsync(apps.Clients[instance], HttpStatusCode.ServiceUnavailable, "Unhealthy", instance.RecentOutput);
        }
        finally
        {
            // The other tests share this Redis: bring it back even when an assertion failed.
            if (redisStopping is not null)
            {
                await redisStopping;
                await apps.Redis.RestartAsync(Ct);
            }
        }

        foreach (var instance in new[] { apps.A, apps.B })
            await Health.AssertBecomesAsync(apps.Clients[instance], HttpStatusCode.OK, "Healthy", instance.RecentOutput);
        var second = await apps.OpenFreeClubAsync(seatLimit: 5, Ct);
        var late = await Crowd.JoinAsync(new JoinAttempt(apps.Students[1], apps.B.Name, apps.Clients[apps.B]), second.GroupId, Ct);
        Assert.True(late.Admitted, $"{late}\n{apps.B.RecentOutput}");
        // Taken under the lock again, not under the database guard alone.
        Assert.DoesNotContain($"Seat lock for club {second.ClubId} is unavailable", apps.B.RecentOutput);
    }

    /// <summary>The first <see cref="CrowdSize"/> students: even-numbered ones through the first instance, odd ones through the second.</summary>
    private IEnumerable<JoinAttempt> AttemptsSplitOver(AppProcess even, HttpClient evenClient, AppProcess odd, HttpClient oddClient) =>
        apps.Students.Take(CrowdSize).Select(s => s.Number % 2 == 0 ? new JoinAttempt(s, even.Name, evenClient) : new JoinAttempt(s, odd.Name, oddClient));

    private async Task AssertExactlySoldOutAsync(JoinOutcome[] outcomes, OpenClub club, string output)
    {
        Assert.All(outcomes, o => Assert.True(o.Admitted || (o.Status == HttpStatusCode.Conflict && o.Code == ErrorCodes.Full), $"{o}\n{output}"));
        Assert.Equal(Seats, outcomes.Count(o => o.Admitted));
        Assert.Equal((Seats, Seats), await apps.SeatsInDatabaseAsync(club.GroupId, Ct));
    }
}
