using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>
/// A full event's crowd is answered from memory (<see cref="SoldOutEvents"/>): the event and its seat holders are read
/// once, kept until a seat is freed or the trust runs out, and a student holding a seat is never refused by it.
/// </summary>
public abstract class SoldOutEventsTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly PaymentSteps payments = new(fixture.Harness, fixture.Gateway);
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_crowd_hears_full_from_memory_until_the_trust_runs_out_and_then_from_a_new_read()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1));
        await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        // The seat engine answers the caller before it announces the batch (which marks the pool full): a memory read
        // before that mark is outdated by it and read again, which is not what this test is about.
        var soldOut = harness.Services.GetRequiredService<SoldOutGroups>();
        await Eventually.TrueAsync(() => soldOut.IsFull(clubEvent.EventId), "the pool marked full", Ct);
        var full = await RefusalAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        Assert.Equal((ErrorCodes.Full, true), (full?.Code, full?.Extras["waitlist"]));

        // Closed behind this instance's back (another instance's edit frees no seat, so nothing clears the memory).
        await using (var db = await harness.DbAsync())
            await db.Events.Where(e => e.Id == clubEvent.EventId)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.SignupClosesAt, harness.Time.GetUtcNow().AddHours(-1)), Ct);
        Assert.Equal(ErrorCodes.Full, (await RefusalAsync(await harness.CreateStudentAsync(), clubEvent.EventId))?.Code);

        harness.Time.Advance(harness.Services.GetRequiredService<IOptions<SeatOptions>>().Value.SoldOutMessageTrust);
        // Read again: left to the sign-up itself, which says FULL without a line to join now that sign-ups are closed.
        var student = await harness.CreateStudentAsync();
        Assert.Null(await RefusalAsync(student, clubEvent.EventId));
        var closed = await Assert.ThrowsAsync<AppException>(() => steps.SignUpAsync(student, clubEvent.EventId));
        Assert.Equal((ErrorCodes.Full, false), (closed.Code, closed.Extras.ContainsKey("waitlist")));
    }

    [Fact]
    public async Task A_freed_seat_offered_to_the_line_lets_its_new_holder_through_while_the_crowd_still_hears_full()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1, fee: 12_000));
        var (holder, _, _) = await steps.PaidSignupAsync(clubEvent, payments, fixture.Gateway);
        var waiting = await harness.CreateStudentAsync();
        await harness.As<EventWaitlist, int>(waiting, waitlist => waitlist.JoinAsync(clubEvent.EventId, Ct));
        Assert.Equal(ErrorCodes.Full, (await RefusalAsync(waiting, clubEvent.EventId))?.Code);

        await steps.CancelMineAsync(holder, clubEvent.EventId);
        Assert.Equal(1, await harness.As<WaitlistOffers, int>(Guid.Empty, offers => offers.OfferAsync(clubEvent.EventId, Ct)));
        Assert.True(harness.Services.GetRequiredService<SoldOutGroups>().IsFull(clubEvent.EventId));

        Assert.Null(await RefusalAsync(waiting, clubEvent.EventId));
        Assert.Equal(ErrorCodes.Full, (await RefusalAsync(await harness.CreateStudentAsync(), clubEvent.EventId))?.Code);
        var started = await steps.SignUpAsync(waiting, clubEvent.EventId);
        Assert.Equal(SignupStatus.PendingPayment, started.Status);
    }

    private Task<AppException?> RefusalAsync(Guid student, long eventId) =>
        harness.As<EventSignups, AppException?>(student, signups => signups.SoldOutRefusalAsync(eventId, Ct));
}

public sealed class SqliteSoldOutEventsTests(SqlitePaymentFixture fixture) : SoldOutEventsTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresSoldOutEventsTests(PostgresPaymentFixture fixture) : SoldOutEventsTests(fixture), IClassFixture<PostgresPaymentFixture>;
