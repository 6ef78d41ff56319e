using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Applications;

/// <summary>Three officers approving thirty applications at once for ten seats: the seat service's lock and guard hold.</summary>
public abstract class ApprovalRaceTests(SeatFixture fixture)
{
    private const int Seats = 10;
    private const int Applicants = 30;
    private readonly SeatHarness harness = fixture.Harness;
    private readonly ApplicationSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0L)]
    [InlineData(20_000L)]
    public async Task Three_officers_approving_thirty_at_once_approve_exactly_the_seats(long fee)
    {
        var club = await steps.ClubAsync(seatLimit: Seats, fee: fee);
        var officers = new[] { club.President, await steps.OfficerAsync(club), await steps.OfficerAsync(club) };
        var applications = new List<long>();
        for (var i = 0; i < Applicants; i++) applications.Add((await steps.ApplyAsync(club)).ApplicationId);

        // Each officer takes every third application, all at once.
        var outcomes = await Task.WhenAll(applications.Select((id, i) => Task.Run(async () =>
        {
            try
            {
                return (await steps.DecideAsync(officers[i % officers.Length], id, Decision.Approve)).ToString();
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)));

        var accepted = fee == 0 ? nameof(ApplicationStatus.Joined) : nameof(ApplicationStatus.Approved);
        Assert.Equal(Seats, outcomes.Count(o => o == accepted));
        Assert.Equal(Applicants - Seats, outcomes.Count(o => o == ErrorCodes.Full));
        Assert.Equal(Seats, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        var statuses = await Task.WhenAll(applications.Select(async id => (await steps.ApplicationAsync(id)).Status));
        Assert.Equal(Seats, statuses.Count(s => s.ToString() == accepted));
        Assert.Equal(Applicants - Seats, statuses.Count(s => s == ApplicationStatus.Submitted));
        Assert.Equal(fee == 0 ? Seats : 0, await harness.AdmittedCountAsync(club.GroupId));
    }
}

public sealed class SqliteApprovalRaceTests(SqliteSeatFixture fixture) : ApprovalRaceTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresApprovalRaceTests(PostgresSeatFixture fixture) : ApprovalRaceTests(fixture), IClassFixture<PostgresSeatFixture>;
