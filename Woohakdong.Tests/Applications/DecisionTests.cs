using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Applications;

/// <summary>The officers' side on a free group: decisions, their record and notice, the seat limit, the queue and the memo.</summary>
public sealed class DecisionTests(SqliteSeatFixture fixture) : IClassFixture<SqliteSeatFixture>
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly ApplicationSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approving_in_a_free_group_makes_the_membership_at_once()
    {
        var club = await steps.ClubAsync(seatLimit: 5);
        var (student, applicationId) = await steps.ApplyAsync(club);

        var status = await steps.DecideAsync(club.President, applicationId, Decision.Approve, "환영합니다");

        Assert.Equal(ApplicationStatus.Joined, status);
        await using var db = await harness.DbAsync();
        Assert.True(await db.Memberships.AnyAsync(m => m.UserId == student && m.JoinGroupId == club.GroupId, Ct));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(
            [(ApplicationStatus.Submitted, ApplicationStatus.Approved, (Guid?)club.President, "환영합니다"),
             (ApplicationStatus.Approved, ApplicationStatus.Joined, club.President, null)],
            (await steps.HistoryAsync(applicationId)).Select(h => (h.From, h.To, h.ActorId, h.Message)));
        var notice = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationApproved));
        Assert.Equal("환영합니다", Recorded.ParametersOf(notice)["message"]);
    }

    [Fact]
    public async Task An_interview_needs_its_time_and_place_and_is_told_to_the_applicant()
    {
        var club = await steps.ClubAsync();
        var (student, applicationId) = await steps.ApplyAsync(club);

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.MessageRequired, () => steps.DecideAsync(club.President, applicationId, Decision.Interview));
        await steps.DecideAsync(club.President, applicationId, Decision.Interview, "3월 10일 18시, 학생회관 301호");

        var application = await steps.ApplicationAsync(applicationId);
        Assert.Equal((ApplicationStatus.Interview, "3월 10일 18시, 학생회관 301호"), (application.Status, application.Message));
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationInterview));
        Assert.Equal(ApplicationStatus.Rejected, await steps.DecideAsync(club.President, applicationId, Decision.Reject));
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationRejected));
    }

    [Fact]
    public async Task Approving_twice_is_an_invalid_transition_and_takes_one_seat()
    {
        var club = await steps.ClubAsync(seatLimit: 5);
        var (_, applicationId) = await steps.ApplyAsync(club);
        await steps.DecideAsync(club.President, applicationId, Decision.Approve);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.InvalidTransition, () => steps.DecideAsync(club.President, applicationId, Decision.Approve));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
    }

    [Fact]
    public async Task Several_officers_approving_one_application_at_once_take_one_seat()
    {
        var club = await steps.ClubAsync(seatLimit: 5);
        var (_, applicationId) = await steps.ApplyAsync(club);
        var officers = new[] { club.President, await steps.OfficerAsync(club), await steps.OfficerAsync(club) };

        var outcomes = await Task.WhenAll(officers.Select(officer => Task.Run(() => Outcome(() => steps.DecideAsync(officer, applicationId, Decision.Approve)), Ct)));

        Assert.Single(outcomes, o => o == nameof(ApplicationStatus.Joined));
        Assert.All(outcomes.Where(o => o != nameof(ApplicationStatus.Joined)), o => Assert.Equal(ErrorCodes.InvalidTransition, o));
        Assert.Equal(1, (await harness.GroupAsync(club.GroupId)).SeatsTaken);
        Assert.Equal(1, await harness.AdmittedCountAsync(club.GroupId));
    }

    [Fact]
    public async Task Approving_one_more_than_the_limit_answers_full_and_leaves_the_application_waiting()
    {
        var club = await steps.ClubAsync(seatLimit: 1);
        var (_, first) = await steps.ApplyAsync(club);
        var (_, second) = await steps.ApplyAsync(club);
        await steps.DecideAsync(club.President, first, Decision.Approve);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.Full, () => steps.DecideAsync(club.President, second, Decision.Approve));
        Assert.Equal(ApplicationStatus.Submitted, (await steps.ApplicationAsync(second)).Status);
        // Approvals may still come after the period: only the limit stops them.
        Assert.Equal(ApplicationStatus.Rejected, await steps.DecideAsync(club.President, second, Decision.Reject, "다음 학기에 다시 지원해 주세요"));
    }

    [Fact]
    public async Task Several_at_once_get_one_outcome_each()
    {
        var club = await steps.ClubAsync(seatLimit: 2);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await steps.ApplyAsync(club)).ApplicationId);

        var outcomes = await harness.As<Decisions, IReadOnlyList<DecisionOutcome>>(club.President, d => d.DecideManyAsync(ids, Decision.Approve, null, Ct));

        Assert.Equal([ApplicationStatus.Joined, ApplicationStatus.Joined, null], outcomes.Select(o => o.Status));
        Assert.Equal([null, null, ErrorCodes.Full], outcomes.Select(o => o.Code));
    }

    [Fact]
    public async Task The_queue_filters_by_status_and_name_and_shows_the_memo_to_officers()
    {
        var club = await steps.ClubAsync();
        var (_, first) = await steps.ApplyAsync(club);
        var (second, secondId) = await steps.ApplyAsync(club);
        await steps.DecideAsync(club.President, first, Decision.Interview, "월요일 7시");
        await harness.As<Decisions, bool>(club.President, async d => { await d.SetMemoAsync(secondId, "기타 경력 3년", Ct); return true; });
        string name;
        await using (var db = await harness.DbAsync())
            name = await db.Users.Where(u => u.Id == second).Select(u => u.DisplayName).SingleAsync(Ct);

        var interviews = await QueueAsync(club, ApplicationStatus.Interview);
        var found = await QueueAsync(club, search: name);

        Assert.Equal([first], interviews.Select(a => a.ApplicationId));
        var row = Assert.Single(found);
        Assert.Equal((secondId, "기타 경력 3년", "컴퓨터공학과"), (row.ApplicationId, row.Memo, row.Applicant.Major));
        Assert.Equal(2, (await QueueAsync(club)).Count);
        var student = await harness.CreateStudentAsync();
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => harness.As<ApplicationQueries, IReadOnlyList<ApplicationView>>(student, q => q.QueueAsync(club.GroupId, ct: Ct)));
    }

    [Fact]
    public async Task Officers_hear_of_new_applications_once_per_pass_batched_per_group()
    {
        var club = await steps.ClubAsync();
        var officer = await steps.OfficerAsync(club);
        await steps.ApplyAsync(club);
        await steps.ApplyAsync(club);

        await RunNoticesAsync();
        await RunNoticesAsync();

        foreach (var recipient in new[] { club.President, officer })
        {
            var notice = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, recipient, NotificationKind.ApplicationsReceived));
            Assert.Equal("2", Recorded.ParametersOf(notice)["count"]);
        }
    }

    private async Task RunNoticesAsync()
    {
        await using var scope = harness.As(Guid.Empty);
        await scope.ServiceProvider.GetRequiredService<ApplicationNotices>().RunOnceAsync(Ct);
    }

    private Task<IReadOnlyList<ApplicationView>> QueueAsync(ApplicationClub club, ApplicationStatus? status = null, string? search = null) =>
        harness.As<ApplicationQueries, IReadOnlyList<ApplicationView>>(club.President, q => q.QueueAsync(club.GroupId, status, search, Ct));

    private static async Task<string> Outcome(Func<Task<ApplicationStatus>> act)
    {
        try
        {
            return (await act()).ToString();
        }
        catch (AppException refusal)
        {
            return refusal.Code;
        }
    }
}
