using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>출석: a signed ticket checks in once, by an officer of its event's club; every other ticket is refused with its code.</summary>
public abstract class CheckInTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(OpenClub Club, EventView Event, Guid Student, string Ticket)> TicketAsync(long? fee = null)
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input(fee: fee));
        var student = await harness.CreateStudentAsync();
        await steps.SignUpAsync(student, clubEvent.EventId);
        return (club, clubEvent, student, await steps.TicketAsync(student, clubEvent.EventId));
    }

    [Fact]
    public async Task An_officer_checks_a_ticket_in_once_and_the_list_shows_when()
    {
        var (club, clubEvent, student, ticket) = await TicketAsync();
        var officer = await steps.WithRoleAsync(club, ClubRole.Officer);

        var holder = await harness.As<CheckIns, TicketHolder>(officer, checkIns => checkIns.ReadAsync(clubEvent.EventId, ticket, Ct));
        var checkedIn = await steps.CheckInAsync(officer, clubEvent.EventId, ticket);

        Assert.Equal((clubEvent.Title, null), (holder.EventTitle, holder.CheckedInAt));
        Assert.Equal((holder.Name, harness.Time.GetUtcNow(), KoreanTime.Offset), (checkedIn.Name, checkedIn.CheckedInAt, checkedIn.CheckedInAt.Offset));
        Assert.Equal(ErrorCodes.AlreadyCheckedIn, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, clubEvent.EventId, ticket)));
        var listed = await harness.As<EventSignups, IReadOnlyList<EventAttendee>>(officer, signups => signups.ListAsync(clubEvent.EventId, Ct));
        Assert.Equal(checkedIn.CheckedInAt, Assert.Single(listed).CheckedInAt);
        var mine = await harness.As<EventSignups, IReadOnlyList<MySignup>>(student, signups => signups.MineAsync(Ct));
        Assert.Equal(checkedIn.CheckedInAt, Assert.Single(mine).CheckedInAt);
        Assert.Equal(officer, (await steps.SignupAsync(listed[0].SignupId)).CheckedInBy);
    }

    [Fact]
    public async Task Forged_altered_unsigned_and_other_events_tickets_are_invalid()
    {
        var (club, clubEvent, student, ticket) = await TicketAsync();
        var otherEvent = await steps.CreateAsync(club, steps.Input());
        var rawCode = (await harness.As<EventSignups, IReadOnlyList<MySignup>>(student, signups => signups.MineAsync(Ct))).Single().TicketCode;
        var altered = ticket[..^4] + (ticket[^4] == 'A' ? 'B' : 'A') + ticket[^3..];

        foreach (var bad in new[] { altered, rawCode, "forged", "", null })
            Assert.Equal(ErrorCodes.InvalidTicket, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, clubEvent.EventId, bad)));
        Assert.Equal(ErrorCodes.InvalidTicket, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, otherEvent.EventId, ticket)));
        Assert.Equal(ErrorCodes.InvalidTicket, await EventSteps.RefusalAsync(() =>
            harness.As<CheckIns, TicketHolder>(club.President, checkIns => checkIns.ReadAsync(otherEvent.EventId, ticket, Ct))));
        Assert.Null((await steps.SignupAsync((await SignupIdAsync(club, clubEvent)))).CheckedInAt);
    }

    [Fact]
    public async Task A_cancelled_or_unpaid_ticket_is_refused_with_its_own_code()
    {
        var (club, clubEvent, student, ticket) = await TicketAsync();
        await steps.CancelMineAsync(student, clubEvent.EventId);
        var paid = await steps.CreateAsync(club, steps.Input(fee: 5_000));
        var payer = await harness.CreateStudentAsync();
        var pending = await steps.SignUpAsync(payer, paid.EventId);
        var pendingTicket = harness.Services.GetRequiredService<CheckInTickets>().Sign(paid.EventId, (await steps.SignupAsync(pending.SignupId)).TicketCode);

        Assert.Equal(ErrorCodes.TicketCancelled, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, clubEvent.EventId, ticket)));
        Assert.Equal(ErrorCodes.TicketCancelled, await EventSteps.RefusalAsync(() =>
            harness.As<CheckIns, TicketHolder>(club.President, checkIns => checkIns.ReadAsync(clubEvent.EventId, ticket, Ct))));
        Assert.Equal(ErrorCodes.TicketNotPaid, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, paid.EventId, pendingTicket)));
        Assert.Null((await steps.SignupAsync(pending.SignupId)).CheckedInAt);
    }

    [Fact]
    public async Task Members_and_other_clubs_officers_may_not_check_in()
    {
        var (club, clubEvent, student, ticket) = await TicketAsync();
        var member = await steps.WithRoleAsync(club, ClubRole.Member);
        var otherClub = await harness.CreateClubAsync(seatLimit: 5);

        foreach (var caller in new[] { member, otherClub.President, student })
            Assert.Equal(ErrorCodes.Forbidden, await EventSteps.RefusalAsync(() => steps.CheckInAsync(caller, clubEvent.EventId, ticket)));
        Assert.Equal(ErrorCodes.EventNotFound, await EventSteps.RefusalAsync(() => steps.CheckInAsync(club.President, 987_654_321, ticket)));
    }

    [Fact]
    public async Task Two_officers_scanning_one_ticket_at_once_give_one_check_in()
    {
        var (club, clubEvent, _, ticket) = await TicketAsync();
        var officers = new[] { club.President, await steps.WithRoleAsync(club, ClubRole.Officer) };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var scans = Enumerable.Range(0, officers.Length * 4).Select(i => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await steps.CheckInAsync(officers[i % officers.Length], clubEvent.EventId, ticket);
                return "OK";
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(scans);

        Assert.Single(outcomes, o => o == "OK");
        Assert.All(outcomes.Where(o => o != "OK"), o => Assert.Equal(ErrorCodes.AlreadyCheckedIn, o));
    }

    private async Task<long> SignupIdAsync(OpenClub club, EventView clubEvent) =>
        (await harness.As<EventSignups, IReadOnlyList<EventAttendee>>(club.President, signups => signups.ListAsync(clubEvent.EventId, Ct))).Single().SignupId;
}

public sealed class SqliteCheckInTests(SqlitePaymentFixture fixture) : CheckInTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresCheckInTests(PostgresPaymentFixture fixture) : CheckInTests(fixture), IClassFixture<PostgresPaymentFixture>;
