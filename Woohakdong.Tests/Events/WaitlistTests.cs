using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Notifications;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>
/// An event's waitlist: joined when full, freed seats offered to the first in line exactly once (a free seat at once, a
/// paid one as a reserved hold with its own deadline), lapsed offers passing on, and the line closed with the event.
/// </summary>
public abstract class WaitlistTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly FakePaymentGateway gateway = fixture.Gateway;
    private readonly PaymentSteps payments = new(fixture.Harness, fixture.Gateway);
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_event_says_so_and_takes_students_in_line_in_order_once_each()
    {
        var clubEvent = await FullFreeEventAsync(capacity: 1);
        var student = await harness.CreateStudentAsync();

        var full = await Assert.ThrowsAsync<AppException>(() => steps.SignUpAsync(student, clubEvent.EventId));
        Assert.Equal((ErrorCodes.Full, true), (full.Code, full.Extras["waitlist"]));
        Assert.Equal(1, await JoinAsync(student, clubEvent.EventId));
        Assert.Equal(2, await JoinAsync(await harness.CreateStudentAsync(), clubEvent.EventId));
        Assert.Equal(ErrorCodes.AlreadyWaitlisted, await EventSteps.RefusalAsync(() => JoinAsync(student, clubEvent.EventId)));

        var event_ = await steps.EventAsync(clubEvent.EventId);
        Assert.Equal((1, 2), (event_.SeatsTaken, event_.Waitlisted));
        var mine = Assert.Single(await MineAsync(student));
        Assert.Equal((MyEventStatus.Waitlisted, 1, (long?)null), (mine.Status, mine.WaitlistPosition, mine.SignupId));
    }

    [Fact]
    public async Task Joining_the_line_is_refused_while_seats_are_left_without_a_capacity_or_by_a_signed_up_student()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var roomy = await steps.CreateAsync(club, steps.Input(capacity: 2));
        var unlimited = await steps.CreateAsync(club, steps.Input(capacity: null));
        var signedUp = await harness.CreateStudentAsync();
        await steps.SignUpAsync(signedUp, roomy.EventId);

        Assert.Equal(ErrorCodes.SeatsAvailable, await EventSteps.RefusalAsync(async () => await JoinAsync(await harness.CreateStudentAsync(), roomy.EventId)));
        Assert.Equal(ErrorCodes.NoWaitlist, await EventSteps.RefusalAsync(async () => await JoinAsync(await harness.CreateStudentAsync(), unlimited.EventId)));
        await steps.SignUpAsync(await harness.CreateStudentAsync(), roomy.EventId);
        Assert.Equal(ErrorCodes.AlreadySignedUp, await EventSteps.RefusalAsync(() => JoinAsync(signedUp, roomy.EventId)));
        Assert.Equal(0, (await steps.EventAsync(roomy.EventId)).Waitlisted);
    }

    [Fact]
    public async Task A_freed_seat_of_a_free_event_goes_to_the_first_in_line_not_to_the_crowd_and_only_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: 1));
        var holder = await harness.CreateStudentAsync();
        await steps.SignUpAsync(holder, clubEvent.EventId);
        var (first, second) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        await JoinAsync(first, clubEvent.EventId);
        await JoinAsync(second, clubEvent.EventId);

        await steps.CancelMineAsync(holder, clubEvent.EventId);
        // The freed seat is the line's: someone new hears FULL even before it is offered, from memory and, on an instance
        // that has not heard (its memory cleared here), from the database's guard.
        Assert.Equal(ErrorCodes.Full, await EventSteps.RefusalAsync(async () => await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId)));
        harness.Services.GetRequiredService<SoldOutGroups>().Clear(clubEvent.EventId);
        Assert.Equal(ErrorCodes.Full, await EventSteps.RefusalAsync(async () => await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId)));
        Assert.Equal(1, await OfferAsync(clubEvent.EventId));
        Assert.Equal(0, await OfferAsync(clubEvent.EventId));

        Assert.Equal(MyEventStatus.Confirmed, Assert.Single(await MineAsync(first)).Status);
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, first, NotificationKind.WaitlistSeated));
        Assert.Equal(1, Assert.Single(await MineAsync(second)).WaitlistPosition);
        var event_ = await steps.EventAsync(clubEvent.EventId);
        Assert.Equal((1, 1), (event_.SeatsTaken, event_.Waitlisted));
    }

    [Fact]
    public async Task A_paid_offer_holds_the_seat_until_its_deadline_and_paying_it_confirms_the_sign_up()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1, fee: 12_000));
        var (holder, _, _) = await steps.PaidSignupAsync(clubEvent, payments, gateway);
        var waiting = await harness.CreateStudentAsync();
        await JoinAsync(waiting, clubEvent.EventId);

        await steps.CancelMineAsync(holder, clubEvent.EventId);
        Assert.Equal(1, await OfferAsync(clubEvent.EventId));

        var offer = Assert.Single(await MineAsync(waiting));
        Assert.Equal(MyEventStatus.Offered, offer.Status);
        Assert.Equal(harness.Time.GetUtcNow().AddHours(24), offer.OfferExpiresAt);
        var told = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, waiting, NotificationKind.WaitlistOffered));
        Assert.Contains("12000", told.Parameters);
        var (student, started, _) = await steps.PaidSignupAsync(clubEvent, payments, gateway, waiting);
        Assert.Equal(offer.OfferExpiresAt, started.HoldExpiresAt);
        Assert.Equal(WaitlistStatus.Seated, (await EntryAsync(student, clubEvent.EventId)).Status);
        Assert.Equal(1, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
    }

    [Fact]
    public async Task A_lapsed_offer_is_told_passes_to_the_next_in_line_and_its_late_payment_is_refunded()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1, fee: 8_000));
        var (holder, _, _) = await steps.PaidSignupAsync(clubEvent, payments, gateway);
        var (first, second) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        await JoinAsync(first, clubEvent.EventId);
        await JoinAsync(second, clubEvent.EventId);
        await steps.CancelMineAsync(holder, clubEvent.EventId);
        await OfferAsync(clubEvent.EventId);
        // The first starts paying the offer but never finishes.
        var started = await steps.SignUpAsync(first, clubEvent.EventId);

        harness.Time.Advance(TimeSpan.FromHours(24));
        await harness.As<HoldService, int>(first, holds => holds.ExpireHoldsAsync(Ct));
        Assert.Equal(1, await OfferAsync(clubEvent.EventId));

        Assert.Equal(WaitlistStatus.Lapsed, (await EntryAsync(first, clubEvent.EventId)).Status);
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, first, NotificationKind.WaitlistOfferLapsed));
        Assert.Equal(MyEventStatus.Offered, Assert.Single(await MineAsync(second)).Status);
        var late = gateway.Pay(started.MerchantUid!, 8_000);
        await payments.WebhookAsync(late.ImpUid, started.MerchantUid);
        Assert.Equal(OrderStatus.Refunded, (await payments.OrderAsync(started.OrderId!.Value)).Status);
        Assert.Equal(1, (await steps.EventAsync(clubEvent.EventId)).SeatsTaken);
    }

    [Fact]
    public async Task Leaving_the_line_or_giving_up_an_offer_moves_everyone_up_and_passes_the_seat_on()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1, fee: 3_000));
        var (holder, _, _) = await steps.PaidSignupAsync(clubEvent, payments, gateway);
        var line = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            line.Add(await harness.CreateStudentAsync());
            await JoinAsync(line[i], clubEvent.EventId);
        }

        await steps.CancelMineAsync(line[1], clubEvent.EventId);
        Assert.Equal(2, Assert.Single(await MineAsync(line[2])).WaitlistPosition);
        await steps.CancelMineAsync(holder, clubEvent.EventId);
        await OfferAsync(clubEvent.EventId);
        await steps.CancelMineAsync(line[0], clubEvent.EventId);
        Assert.Equal(1, await OfferAsync(clubEvent.EventId));

        Assert.Equal(WaitlistStatus.Left, (await EntryAsync(line[0], clubEvent.EventId)).Status);
        Assert.Equal(MyEventStatus.Offered, Assert.Single(await MineAsync(line[2])).Status);
        Assert.Equal(ErrorCodes.SignupNotFound, await EventSteps.RefusalAsync(() => steps.CancelMineAsync(line[1], clubEvent.EventId)));
        var event_ = await steps.EventAsync(clubEvent.EventId);
        Assert.Equal((1, 0), (event_.SeatsTaken, event_.Waitlisted));
    }

    [Fact]
    public async Task Cancelling_the_event_closes_its_line_and_releases_the_offered_seats()
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: 1, fee: 3_000));
        var (holder, _, _) = await steps.PaidSignupAsync(clubEvent, payments, gateway);
        var (offered, waiting) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        await JoinAsync(offered, clubEvent.EventId);
        await JoinAsync(waiting, clubEvent.EventId);
        await steps.CancelMineAsync(holder, clubEvent.EventId);
        await OfferAsync(clubEvent.EventId);

        await harness.As<EventCancellation, int>(offered, cancellation => cancellation.CancelAsync(clubEvent.EventId, Ct));

        Assert.Equal(WaitlistStatus.Left, (await EntryAsync(offered, clubEvent.EventId)).Status);
        Assert.Equal(WaitlistStatus.Left, (await EntryAsync(waiting, clubEvent.EventId)).Status);
        // Those in line hear of it once, as waiters: nothing of theirs was charged.
        foreach (var student in new[] { offered, waiting })
            Assert.Contains("\"Waitlisted\"", Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.EventCancelled)).Parameters);
        var event_ = await steps.EventAsync(clubEvent.EventId);
        Assert.Equal((0, 0), (event_.SeatsTaken, event_.Waitlisted));
        Assert.Equal(0, await OfferAsync(clubEvent.EventId));
    }

    [Fact]
    public async Task Concurrent_cancellations_and_offers_give_each_freed_seat_once_to_the_first_in_line()
    {
        const int seats = 12, cancelling = 6, waitingCount = 9;
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(capacity: seats));
        var holders = new List<Guid>();
        for (var i = 0; i < seats; i++)
        {
            holders.Add(await harness.CreateStudentAsync());
            await steps.SignUpAsync(holders[i], clubEvent.EventId);
        }
        var line = new List<Guid>();
        for (var i = 0; i < waitingCount; i++)
        {
            line.Add(await harness.CreateStudentAsync());
            await JoinAsync(line[i], clubEvent.EventId);
        }

        var offers = new int[cancelling];
        await Task.WhenAll(holders.Take(cancelling).Select(async (holder, i) =>
        {
            await steps.CancelMineAsync(holder, clubEvent.EventId);
            offers[i] = await OfferAsync(clubEvent.EventId);
        }));
        var late = await OfferAsync(clubEvent.EventId);

        Assert.Equal(cancelling, offers.Sum() + late);
        for (var i = 0; i < waitingCount; i++)
            Assert.Equal(i < cancelling ? MyEventStatus.Confirmed : MyEventStatus.Waitlisted, Assert.Single(await MineAsync(line[i])).Status);
        Assert.Equal(seats, await steps.ConfirmedAsync(clubEvent.EventId));
        var event_ = await steps.EventAsync(clubEvent.EventId);
        Assert.Equal((seats, waitingCount - cancelling), (event_.SeatsTaken, event_.Waitlisted));
    }

    private async Task<EventView> FullFreeEventAsync(int capacity)
    {
        var clubEvent = await steps.CreateAsync(await harness.CreateClubAsync(seatLimit: 50), steps.Input(capacity: capacity));
        for (var i = 0; i < capacity; i++) await steps.SignUpAsync(await harness.CreateStudentAsync(), clubEvent.EventId);
        return clubEvent;
    }

    private Task<int> JoinAsync(Guid student, long eventId) =>
        harness.As<EventWaitlist, int>(student, waitlist => waitlist.JoinAsync(eventId, Ct));

    private Task<int> OfferAsync(long eventId) =>
        harness.As<WaitlistOffers, int>(Guid.Empty, offers => offers.OfferAsync(eventId, Ct));

    private Task<IReadOnlyList<MySignup>> MineAsync(Guid student) =>
        harness.As<EventSignups, IReadOnlyList<MySignup>>(student, signups => signups.MineAsync(Ct));

    /// <summary>The student's latest place in the event's line.</summary>
    private async Task<WaitlistEntry> EntryAsync(Guid student, long eventId)
    {
        await using var db = await harness.DbAsync();
        return await db.WaitlistEntries.AsNoTracking().Where(w => w.EventId == eventId && w.UserId == student)
            .OrderByDescending(w => w.Id).FirstAsync(Ct);
    }
}

public sealed class SqliteWaitlistTests(SqlitePaymentFixture fixture) : WaitlistTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresWaitlistTests(PostgresPaymentFixture fixture) : WaitlistTests(fixture), IClassFixture<PostgresPaymentFixture>;
