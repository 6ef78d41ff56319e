using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment;

public sealed class SeatLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_in_process_lock_times_out_while_another_holds_it_and_is_free_again_after_release()
    {
        var seatLock = new InProcessSeatLock(Options.Create(new SeatOptions { LockWait = TimeSpan.FromMilliseconds(50) }));

        var held = await seatLock.AcquireAsync("club:1:seats", Ct);
        var refused = await seatLock.AcquireAsync("club:1:seats", Ct);
        var otherClub = await seatLock.AcquireAsync("club:2:seats", Ct);
        await held.DisposeAsync();
        var after = await seatLock.AcquireAsync("club:1:seats", Ct);

        Assert.Equal(
            (SeatLockStatus.Acquired, SeatLockStatus.TimedOut, SeatLockStatus.Acquired, SeatLockStatus.Acquired),
            (held.Status, refused.Status, otherClub.Status, after.Status));
    }

    [Fact]
    public async Task A_join_that_waits_too_long_for_the_lock_is_refused_as_busy()
    {
        await using var harness = await SeatHarness.StartAsync(
            DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Seats:LockWait"] = "00:00:00.200" });
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var student = await harness.CreateStudentAsync();
        var seatLock = harness.Services.GetRequiredService<ISeatLock>();

        await using (await seatLock.AcquireAsync(SeatLockResult.ResourceFor(club.ClubId), Ct))
            await SeatAssert.ConflictAsync(ErrorCodes.Busy, () => harness.As<SeatService, Admission>(student, s => s.AdmitFreeAsync(club.GroupId, Ct)));

        await harness.As<SeatService, Admission>(student, s => s.AdmitFreeAsync(club.GroupId, Ct));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task While_redis_is_unreachable_joins_queue_on_this_instances_lock_and_still_get_in()
    {
        await using var harness = await SeatHarness.StartAsync(
            DatabaseProvider.Sqlite,
            settings: new Dictionary<string, string?>
            {
                ["Seats:LockWait"] = "00:00:00.200",
                ["Redis:Configuration"] = "127.0.0.1:1,abortConnect=false,connectTimeout=200",
            });
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var student = await harness.CreateStudentAsync();
        var localLock = harness.Services.GetRequiredService<InProcessSeatLock>();

        await using (await localLock.AcquireAsync(SeatLockResult.ResourceFor(club.ClubId), Ct))
            await SeatAssert.ConflictAsync(ErrorCodes.Busy, () => harness.As<SeatService, Admission>(student, s => s.AdmitFreeAsync(club.GroupId, Ct)));

        await harness.As<SeatService, Admission>(student, s => s.AdmitFreeAsync(club.GroupId, Ct));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public void Seat_settings_that_make_no_sense_are_refused_naming_the_setting()
    {
        var result = new SeatOptionsValidator(null, redisConfigured: true).Validate(null, new SeatOptions { LockWait = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Seats:LockWait", result.FailureMessage);
    }
}
