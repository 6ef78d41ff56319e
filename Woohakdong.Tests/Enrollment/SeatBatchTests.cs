using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>
/// Admission in batches: the joins queued behind the club's lock are decided together, in arrival order, under one hold
/// of the lock and one transaction. The test holds the lock itself, queues the crowd one by one, then lets go.
/// Run on SQLite and PostgreSQL by the two classes below.
/// </summary>
public abstract class SeatBatchTests(SeatFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private WatchedSeatLock SeatLock => Assert.IsType<WatchedSeatLock>(harness.Services.GetRequiredService<ISeatLock>());
    private SeatDecisions Decisions => harness.Services.GetRequiredService<SeatDecisions>();

    [Fact]
    public async Task A_batch_larger_than_the_seats_left_admits_the_first_arrivals_and_the_rest_hear_full_under_one_lock_hold()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var students = await StudentsAsync(8);

        var (answers, lockHolds) = await QueuedBehindTheLockAsync(club, students.Select(s => (Func<Task>)(() => AdmitAsync(s, club.GroupId))));

        Assert.Equal(["admitted", "admitted", "admitted", "admitted", "admitted", ErrorCodes.Full, ErrorCodes.Full, ErrorCodes.Full], answers);
        Assert.Equal(1, lockHolds);
        Assert.Equal(5, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(5, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task A_student_twice_in_one_batch_and_a_member_already_in_take_no_extra_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var students = await StudentsAsync(3);
        var twice = students[1];

        var (answers, lockHolds) = await QueuedBehindTheLockAsync(club,
            [() => AdmitAsync(students[0], club.GroupId), () => AdmitAsync(twice, club.GroupId), () => AdmitAsync(twice, club.GroupId), () => AdmitAsync(students[2], club.GroupId)]);

        Assert.Equal(["admitted", "admitted", ErrorCodes.AlreadyMember, "admitted"], answers);
        Assert.Equal(1, lockHolds);
        Assert.Equal(3, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(3, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task A_student_who_got_in_by_another_route_while_queued_is_refused_alone_and_the_others_are_admitted()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var students = await StudentsAsync(3);
        var group = await harness.GroupAsync(club.GroupId);

        // The middle student's checks passed before they became a member some other way (an approval, another instance):
        // the batch's save meets the membership's unique index.
        var (answers, lockHolds) = await QueuedBehindTheLockAsync(club, students.Select(s => (Func<Task>)(() => AdmitAsync(s, club.GroupId))),
            meanwhile: async () =>
            {
                await using var db = await harness.DbAsync();
                db.Memberships.Add(group.NewMember(students[1]));
                await db.SaveChangesAsync(Ct);
            });

        Assert.Equal(["admitted", ErrorCodes.AlreadyMember, "admitted"], answers);
        Assert.Equal(1, lockHolds);
        Assert.Equal(2, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(3, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task A_batch_whose_transaction_fails_answers_every_caller_with_the_error_and_takes_no_seat()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var students = await StudentsAsync(3);
        var grant = harness.Services.GetRequiredService<SeatGrants>().For(PoolKind.Join);
        var group = await harness.GroupAsync(club.GroupId);
        var broken = new SeatRequest(students[1], (_, _) => throw new InvalidOperationException("the database went away"), ErrorCodes.AlreadyMember);

        var (answers, _) = await QueuedBehindTheLockAsync(club,
            [() => AdmitAsync(students[0], club.GroupId), () => Decisions.TakeAsync(group, grant, broken), () => AdmitAsync(students[2], club.GroupId)]);

        Assert.Equal(["the database went away", "the database went away", "the database went away"], answers);
        Assert.Equal(0, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(0, await harness.AdmittedCountAsync(club.GroupId));
        // The queue goes on: the next join is decided in a batch of its own.
        await AdmitAsync(students[0], club.GroupId);
    }

    [Fact]
    public async Task A_paid_batch_holds_a_seat_for_each_and_the_holders_asking_again_get_their_own_hold()
    {
        var club = await harness.CreateClubAsync(seatLimit: 3, fee: 10_000);
        var students = await StudentsAsync(4);
        var holds = new HoldView?[students.Length];

        var (answers, lockHolds) = await QueuedBehindTheLockAsync(club,
            students.Select((s, i) => (Func<Task>)(async () => holds[i] = await HoldAsync(s, club.GroupId))));

        Assert.Equal(["admitted", "admitted", "admitted", ErrorCodes.Full], answers);
        Assert.Equal(1, lockHolds);
        Assert.Equal(3, holds.Where(h => h is not null).Select(h => h!.HoldId).Distinct().Count());
        Assert.Equal(3, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(holds[2]!.HoldId, (await HoldAsync(students[2], club.GroupId)).HoldId);
    }

    /// <summary>
    /// Holds the club's lock, starts each join only once the one before it is queued (so arrival order is known), lets
    /// go, and returns each join's answer ("admitted" or its refusal's code or message) and how often the lock was taken for them.
    /// </summary>
    private async Task<(string[] Answers, int LockHolds)> QueuedBehindTheLockAsync(
        OpenClub club, IEnumerable<Func<Task>> joins, Func<Task>? meanwhile = null)
    {
        var resource = SeatLockResult.ResourceFor(club.ClubId);
        var started = new List<Task<string>>();
        int before;
        await using (await SeatLock.AcquireAsync(resource, Ct))
        {
            before = SeatLock.Acquisitions(resource);
            foreach (var join in joins)
            {
                started.Add(AnswerOf(join));
                var queued = started.Count;
                // All stay queued while the batch waits for the lock: it takes them once it holds it.
                await Eventually.TrueAsync(() => Decisions.Waiting(club.GroupId) >= queued || started[^1].IsCompleted, $"join {queued} queued", Ct);
            }
            if (meanwhile is not null) await meanwhile();
        }
        var answers = await Task.WhenAll(started);
        return (answers, SeatLock.Acquisitions(resource) - before);
    }

    private static async Task<string> AnswerOf(Func<Task> join)
    {
        try
        {
            await join();
            return "admitted";
        }
        catch (AppException refusal)
        {
            return refusal.Code;
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }

    private async Task<Guid[]> StudentsAsync(int count)
    {
        var students = new Guid[count];
        for (var i = 0; i < count; i++) students[i] = await harness.CreateStudentAsync();
        return students;
    }

    private Task<Admission> AdmitAsync(Guid student, long groupId) =>
        harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(groupId, Ct));

    private Task<HoldView> HoldAsync(Guid student, long groupId) =>
        harness.As<SeatService, HoldView>(student, seats => seats.HoldAsync(groupId, Ct));
}

[Collection(nameof(SeatBatchCollection))]
public sealed class SqliteSeatBatchTests(SqliteSeatFixture fixture) : SeatBatchTests(fixture), IClassFixture<SqliteSeatFixture>;

[Collection(nameof(SeatBatchCollection))]
public sealed class PostgresSeatBatchTests(PostgresSeatFixture fixture) : SeatBatchTests(fixture), IClassFixture<PostgresSeatFixture>;

/// <summary>Not in parallel with each other: each holds a club's lock while it builds its queue.</summary>
[CollectionDefinition(nameof(SeatBatchCollection))]
public sealed class SeatBatchCollection;
