using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Events;

/// <summary>A crowd rushes a small event on PostgreSQL under the Redis lock: the same engine as joining keeps the limit.</summary>
public sealed class EventSignupRaceTests
{
    private const int Seats = 20;
    private const int Crowd = 200;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_students_for_twenty_seats_give_exactly_twenty_confirmed_sign_ups()
    {
        await using var harness = await SeatHarness.StartAsync(
            DatabaseProvider.Postgres, settings: new Dictionary<string, string?> { ["Redis:Configuration"] = TestServices.Redis });
        Assert.IsType<RedLockSeatLock>(harness.Services.GetRequiredService<ISeatLock>());
        await harness.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().PingAsync();
        var steps = new EventSteps(harness);
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: Seats));
        var students = new List<Guid>();
        for (var i = 0; i < Crowd; i++) students.Add(await harness.CreateStudentAsync());

        var outcomes = await Task.WhenAll(students.Select(student => Task.Run(async () =>
        {
            try
            {
                return (await steps.SignUpAsync(student, clubEvent.EventId)).Status.ToString();
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)));

        Assert.Equal(Seats, outcomes.Count(o => o == nameof(SignupStatus.Confirmed)));
        Assert.All(outcomes.Where(o => o != nameof(SignupStatus.Confirmed)), o => Assert.Contains(o, new[] { ErrorCodes.Full, ErrorCodes.Busy }));
        Assert.Equal(Seats, await steps.ConfirmedAsync(clubEvent.EventId));
        Assert.Equal(Seats, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
    }
}
