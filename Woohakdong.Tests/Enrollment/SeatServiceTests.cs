using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>The seat rules against a real database; run on SQLite and PostgreSQL by the two classes below.</summary>
public abstract class SeatServiceTests(SeatFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Admission> AdmitAsync(Guid student, long groupId) =>
        harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(groupId, Ct));

    private Task<HoldView> HoldAsync(Guid student, long groupId) =>
        harness.As<SeatService, HoldView>(student, seats => seats.HoldAsync(groupId, Ct));

    private Task<JoinGroupView> SetTermsAsync(OpenClub club, int seatLimit, long amount = 0, bool recruiting = true) =>
        harness.As<JoinGroupService, JoinGroupView>(club.President, groups => groups.UpdateAsync(club.GroupId, recruiting, seatLimit, amount, Ct));

    [Fact]
    public async Task Free_joins_are_admitted_up_to_the_limit_and_then_refused_as_full()
    {
        var club = await harness.CreateClubAsync(seatLimit: 2);
        var first = await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);

        var late = await harness.CreateStudentAsync();
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => AdmitAsync(late, club.GroupId));

        Assert.Equal(ClubRole.Member, first.Role);
        Assert.Equal(2, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(2, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task The_officers_a_club_starts_with_take_no_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);

        var view = await harness.As<JoinGroupService, JoinGroupView>(club.President, groups => groups.GetCurrentAsync(club.ClubId, Ct));

        Assert.Equal(5, view.SeatsLeft);
    }

    [Fact]
    public async Task A_live_hold_takes_a_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1, fee: 10_000);
        var holder = await harness.CreateStudentAsync();
        var first = await HoldAsync(holder, club.GroupId);

        var again = await HoldAsync(holder, club.GroupId);
        var other = await harness.CreateStudentAsync();
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => HoldAsync(other, club.GroupId));
        // The pool is remembered full now; the holder reopening the payment window still gets the seat that is theirs.
        var reopened = await HoldAsync(holder, club.GroupId);

        Assert.Equal(first.HoldId, again.HoldId);
        Assert.Equal(first.HoldId, reopened.HoldId);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), first.ExpiresAt);
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task An_expired_hold_gives_its_seat_back()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1, fee: 10_000);
        var hold = await HoldAsync(await harness.CreateStudentAsync(), club.GroupId);
        var next = await harness.CreateStudentAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(9));
        await harness.As<HoldService, int>(next, holds => holds.ExpireHoldsAsync(Ct));
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => HoldAsync(next, club.GroupId));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.As<HoldService, int>(next, holds => holds.ExpireHoldsAsync(Ct));

        Assert.Equal(HoldState.Expired, await HoldStateAsync(hold.HoldId));
        Assert.Equal(0, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        await HoldAsync(next, club.GroupId);
    }

    [Fact]
    public async Task A_hold_converted_twice_and_then_swept_is_counted_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 3, fee: 10_000);
        var hold = await HoldAsync(await harness.CreateStudentAsync(), club.GroupId);

        var first = await harness.As<HoldService, IGrantedSeat>(club.President, holds => holds.ConvertHoldAsync(hold.HoldId, Ct));
        var second = await harness.As<HoldService, IGrantedSeat>(club.President, holds => holds.ConvertHoldAsync(hold.HoldId, Ct));
        harness.Time.Advance(TimeSpan.FromMinutes(11));
        await harness.As<HoldService, int>(club.President, holds => holds.ExpireHoldsAsync(Ct));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(HoldState.Converted, await HoldStateAsync(hold.HoldId));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(1, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task A_released_hold_frees_its_seat_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1, fee: 10_000);
        var hold = await HoldAsync(await harness.CreateStudentAsync(), club.GroupId);

        var released = await harness.As<HoldService, bool>(club.President, holds => holds.ReleaseHoldAsync(hold.HoldId, Ct));
        var releasedAgain = await harness.As<HoldService, bool>(club.President, holds => holds.ReleaseHoldAsync(hold.HoldId, Ct));

        Assert.True(released);
        Assert.False(releasedAgain);
        Assert.Equal(0, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task A_member_leaving_frees_the_seat_and_clears_sold_out()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1);
        var member = await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        var waiting = await harness.CreateStudentAsync();
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => AdmitAsync(waiting, club.GroupId));

        await using (var scope = harness.As(club.President))
            await scope.ServiceProvider.GetRequiredService<MemberManagement>().RemoveAsync(club.ClubId, member.MembershipId, Ct);

        await AdmitAsync(waiting, club.GroupId);
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task A_sold_out_group_is_refused_from_memory_until_a_seat_is_freed()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1);
        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        var waiting = await harness.CreateStudentAsync();
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => AdmitAsync(waiting, club.GroupId));

        // A seat added behind the services' back is not seen: the refusal no longer reads the database.
        await using (var db = await harness.DbAsync())
            await db.JoinGroups.Where(g => g.Id == club.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.SeatLimit, 2), Ct);
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => AdmitAsync(waiting, club.GroupId));
        await SetTermsAsync(club, seatLimit: 2);

        await AdmitAsync(waiting, club.GroupId);
    }

    [Fact]
    public async Task Taking_the_last_seat_marks_the_pool_sold_out_here_and_tells_the_other_instances()
    {
        var club = await harness.CreateClubAsync(seatLimit: 2);
        var heard = new List<SeatsChanged>();
        using var listening = harness.Services.GetRequiredService<IEventChannel<SeatsChanged>>().Subscribe(change =>
        {
            lock (heard) heard.Add(change);
        });

        List<SeatsChanged> Heard()
        {
            lock (heard) return [.. heard.Where(c => c.PoolId == club.GroupId)];
        }

        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        // Announced once the batch's callers are answered, off their requests.
        await Eventually.TrueAsync(() => Heard().Count == 1, "the first seat announced", Ct);
        var fullAfterFirst = harness.Services.GetRequiredService<SoldOutGroups>().IsFull(club.GroupId);
        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        await Eventually.TrueAsync(() => Heard().Count == 2, "the last seat announced", Ct);

        Assert.False(fullAfterFirst);
        Assert.True(harness.Services.GetRequiredService<SoldOutGroups>().IsFull(club.GroupId));
        Assert.Equal([new SeatsChanged(club.GroupId, 1, SoldOut: false), new SeatsChanged(club.GroupId, 0, SoldOut: true)], Heard());
    }

    [Fact]
    public async Task An_application_group_filled_by_approval_is_never_remembered_sold_out()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1);
        await using (var db = await harness.DbAsync())
            await db.JoinGroups.Where(g => g.Id == club.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.Policy, JoinPolicy.Application), Ct);
        var heard = new List<SeatsChanged>();
        using var listening = harness.Services.GetRequiredService<IEventChannel<SeatsChanged>>().Subscribe(change =>
        {
            lock (heard) heard.Add(change);
        });

        var approved = await harness.CreateStudentAsync();
        await harness.As<SeatService, ApprovedSeat>(club.President,
            seats => seats.TakeApprovedSeatAsync(club.GroupId, approved, (_, _) => Task.CompletedTask, Ct));

        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.False(harness.Services.GetRequiredService<SoldOutGroups>().IsFull(club.GroupId));
        Assert.Equal([new SeatsChanged(club.GroupId, 0, SoldOut: false)], heard.Where(c => c.PoolId == club.GroupId));
    }

    [Fact]
    public async Task A_join_waiting_for_the_clubs_lock_when_the_group_fills_is_answered_full_without_the_lock()
    {
        var club = await harness.CreateClubAsync(seatLimit: 1);
        var waiting = await harness.CreateStudentAsync();
        var soldOut = harness.Services.GetRequiredService<SoldOutGroups>();
        var seatLock = Assert.IsType<WatchedSeatLock>(harness.Services.GetRequiredService<ISeatLock>());
        var resource = SeatLockResult.ResourceFor(club.ClubId);
        await using var held = await seatLock.AcquireAsync(resource, Ct);

        var join = AdmitAsync(waiting, club.GroupId);
        await seatLock.UntilWaitingAsync(resource, callers: 1, Ct);
        soldOut.MarkFull(club.GroupId, soldOut.Observe(club.GroupId));

        // Still inside the lock's hold: without the signal the join would wait out LockWait and answer BUSY.
        await SeatAssert.ConflictAsync(ErrorCodes.Full, () => join);
        soldOut.Clear(club.GroupId);
    }

    [Fact]
    public async Task The_limit_cannot_go_below_the_seats_taken_by_group_or_club_update()
    {
        var club = await harness.CreateClubAsync(seatLimit: 3);
        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);
        await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId);

        await SeatAssert.ConflictAsync(ErrorCodes.SeatLimitBelowTaken, () => SetTermsAsync(club, seatLimit: 1));
        var clubView = await harness.As<ClubQueries, ClubView>(club.President, q => q.GetAsync(club.ClubId, Ct));
        await SeatAssert.ConflictAsync(ErrorCodes.SeatLimitBelowTaken, () => harness.As<ClubService, ClubView>(
            club.President, clubs => clubs.UpdateAsync(club.ClubId, ToInput(clubView) with { SeatLimit = 1 }, Ct)));
        var lowered = await SetTermsAsync(club, seatLimit: 2);

        Assert.Equal((2, 0), (lowered.SeatLimit, lowered.SeatsLeft));
        var after = await harness.As<ClubQueries, ClubView>(club.President, q => q.GetAsync(club.ClubId, Ct));
        Assert.Equal(2, after.SeatLimit);
    }

    [Fact]
    public async Task A_club_profile_fee_change_reaches_the_current_group()
    {
        var club = await harness.CreateClubAsync(seatLimit: 3);
        var view = await harness.As<ClubQueries, ClubView>(club.President, q => q.GetAsync(club.ClubId, Ct));

        await harness.As<ClubService, ClubView>(
            club.President, clubs => clubs.UpdateAsync(club.ClubId, ToInput(view) with { Fee = 15_000, SeatLimit = 7 }, Ct));

        var group = await harness.GroupAsync(club.GroupId);
        Assert.Equal((15_000L, 7), (group.Amount, group.SeatLimit));
    }

    [Fact]
    public async Task Joining_twice_is_refused_as_already_member()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var student = await harness.CreateStudentAsync();
        await AdmitAsync(student, club.GroupId);

        await SeatAssert.ConflictAsync(ErrorCodes.AlreadyMember, () => AdmitAsync(student, club.GroupId));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task A_closed_group_is_not_recruiting()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, recruiting: false);

        await SeatAssert.ConflictAsync(ErrorCodes.NotRecruiting, async () => await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId));
    }

    [Fact]
    public async Task A_student_with_an_incomplete_profile_cannot_join()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var student = await harness.CreateStudentAsync(completeProfile: false);

        await SeatAssert.ConflictAsync(ErrorCodes.ProfileIncomplete, () => AdmitAsync(student, club.GroupId));
        Assert.Equal(0, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task An_unknown_group_is_not_found()
    {
        var student = await harness.CreateStudentAsync();

        await SeatAssert.RefusedAsync(ErrorKind.NotFound, ErrorCodes.GroupNotFound, () => AdmitAsync(student, 987_654));
    }

    [Fact]
    public async Task A_paid_group_needs_payment_for_a_free_join()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 20_000);

        await SeatAssert.ConflictAsync(ErrorCodes.PaymentRequired, async () => await AdmitAsync(await harness.CreateStudentAsync(), club.GroupId));
    }

    [Fact]
    public async Task A_member_cannot_open_or_resize_the_group()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var member = await harness.CreateStudentAsync();
        await AdmitAsync(member, club.GroupId);

        await SeatAssert.RefusedAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => harness.As<JoinGroupService, JoinGroupView>(
            member, groups => groups.UpdateAsync(club.GroupId, true, 100, 0, Ct)));
    }

    private async Task<HoldState> HoldStateAsync(long holdId)
    {
        await using var db = await harness.DbAsync();
        return await db.SeatHolds.Where(h => h.Id == holdId).Select(h => h.State).SingleAsync(Ct);
    }

    private static ClubInput ToInput(ClubView view) =>
        new(view.Name, view.EnglishName, view.Description, view.Room, view.ChatLink ?? "", view.Fee, view.SeatLimit);
}

public sealed class SqliteSeatServiceTests(SqliteSeatFixture fixture) : SeatServiceTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresSeatServiceTests(PostgresSeatFixture fixture) : SeatServiceTests(fixture), IClassFixture<PostgresSeatFixture>;
