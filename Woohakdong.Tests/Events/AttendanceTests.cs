using System.Text;
using Woohakdong.Core.Events;
using Woohakdong.Core.Exports;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Events;

/// <summary>출석률 on the roster and its export: check-ins over the term's events where attendance was taken.</summary>
public abstract class AttendanceTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_roster_counts_check_ins_over_the_events_where_attendance_was_taken()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var (regular, sometimes) = (await steps.MemberAsync(club), await steps.MemberAsync(club));
        var first = await steps.CreateAsync(club, steps.Input());
        var second = await steps.CreateAsync(club, steps.Input());
        var noneScanned = await steps.CreateAsync(club, steps.Input());
        var cancelled = await steps.CreateAsync(club, steps.Input());
        foreach (var clubEvent in new[] { first, second, noneScanned, cancelled })
            foreach (var member in new[] { regular, sometimes })
                await steps.SignUpAsync(member, clubEvent.EventId);
        foreach (var (member, clubEvent) in new[] { (regular, first), (regular, second), (sometimes, first), (regular, cancelled) })
            await steps.CheckInAsync(club.President, clubEvent.EventId, await steps.TicketAsync(member, clubEvent.EventId));
        await harness.As<EventService, EventView>(club.President, events => events.CancelAsync(cancelled.EventId, Ct));

        var roster = await harness.As<RosterService, IReadOnlyList<RosterEntry>>(club.President, r => r.GetAsync(club.ClubId, new RosterQuery(), Ct));

        Assert.Equal(new RosterAttendance(2, 2), roster.Single(e => e.UserId == regular).Attendance);
        Assert.Equal((50, "50% (1/2)"), (roster.Single(e => e.UserId == sometimes).Attendance!.Percent, roster.Single(e => e.UserId == sometimes).Attendance!.ToString()));
        Assert.Equal(new RosterAttendance(0, 2), roster.Single(e => e.UserId == club.President).Attendance);
        var export = await CsvAsync(club);
        Assert.EndsWith(",출석률", export[0]);
        Assert.Contains(export, line => line.EndsWith(",100% (2/2)"));
    }

    [Fact]
    public async Task A_club_without_events_this_term_has_no_attendance_on_its_roster_or_export()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await steps.CreateAsync(club, steps.Input(), publish: false);

        var roster = await harness.As<RosterService, IReadOnlyList<RosterEntry>>(club.President, r => r.GetAsync(club.ClubId, new RosterQuery(), Ct));

        Assert.Null(Assert.Single(roster).Attendance);
        var export = await CsvAsync(club);
        Assert.DoesNotContain("출석률", export[0]);
        Assert.EndsWith(",금액", export[0]);
    }

    private async Task<string[]> CsvAsync(OpenClub club)
    {
        var file = await harness.As<ClubExports, ExportFile>(club.President, exports => exports.WriteAsync(club.ClubId, "roster", "csv", null, ct: Ct));
        await using var content = file.Content;
        using var reader = new StreamReader(content, Encoding.UTF8);
        return (await reader.ReadToEndAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\n')).ToArray();
    }
}

public sealed class SqliteAttendanceTests(SqlitePaymentFixture fixture) : AttendanceTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresAttendanceTests(PostgresPaymentFixture fixture) : AttendanceTests(fixture), IClassFixture<PostgresPaymentFixture>;
