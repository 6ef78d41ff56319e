using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Applications;

/// <summary>A student's side: applying while open by the clock, one live application, editing and withdrawing.</summary>
public sealed class ApplyingTests(SqliteSeatFixture fixture) : IClassFixture<SqliteSeatFixture>
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly ApplicationSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<SubmittedApplication> SubmitAsync(Guid student, ApplicationClub club, IReadOnlyList<AnswerInput>? answers = null) =>
        harness.As<Applying, SubmittedApplication>(student, applying => applying.SubmitAsync(club.GroupId, answers ?? ApplicationSteps.Answers(club), Ct));

    [Fact]
    public async Task A_student_applies_and_sees_it_under_my_applications()
    {
        var club = await steps.ClubAsync();
        var (student, applicationId) = await steps.ApplyAsync(club);

        var mine = await harness.As<ApplicationQueries, IReadOnlyList<MyApplicationView>>(student, q => q.MineAsync(Ct));

        var row = Assert.Single(mine);
        Assert.Equal((applicationId, ApplicationStatus.Submitted, true), (row.ApplicationId, row.Status, row.Editable));
        Assert.Equal(["지원 동기", "악기"], row.Answers.Select(a => a.Question));
        Assert.Null(row.Payment);
    }

    [Fact]
    public async Task A_second_application_to_the_same_group_is_refused()
    {
        var club = await steps.ClubAsync();
        var (student, _) = await steps.ApplyAsync(club);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.AlreadyApplied, () => SubmitAsync(student, club));
    }

    [Fact]
    public async Task Two_submits_at_once_leave_one_live_application()
    {
        var club = await steps.ClubAsync();
        var student = await harness.CreateStudentAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            try
            {
                await SubmitAsync(student, club);
                return "SUBMITTED";
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)));

        Assert.Single(outcomes, o => o == "SUBMITTED");
        Assert.All(outcomes.Where(o => o != "SUBMITTED"), o => Assert.Equal(ErrorCodes.AlreadyApplied, o));
    }

    [Fact]
    public async Task After_closesAt_by_the_clock_nobody_can_apply_or_edit()
    {
        var club = await steps.ClubAsync(closesAt: harness.Time.GetUtcNow().AddHours(1));
        var (student, applicationId) = await steps.ApplyAsync(club);
        var late = await harness.CreateStudentAsync();

        harness.Time.Advance(TimeSpan.FromHours(1));

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.NotRecruiting, () => SubmitAsync(late, club));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.NotRecruiting,
            () => harness.As<Applying, SubmittedApplication>(student, a => a.EditAsync(applicationId, ApplicationSteps.Answers(club), Ct)));
        // The switch is still on: only the clock closed it.
        Assert.True((await harness.GroupAsync(club.GroupId)).Recruiting);
    }

    [Fact]
    public async Task Before_opensAt_nobody_can_apply()
    {
        var club = await steps.ClubAsync();
        var now = harness.Time.GetUtcNow();
        await harness.As<ApplicationForms, FormView>(club.President, forms => forms.SaveAsync(club.GroupId,
            new FormInput(JoinPolicy.Application, now.AddDays(1), now.AddDays(3), ApplicationSteps.Questions), Ct));

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.NotRecruiting, () => steps.ApplyAsync(club));
    }

    [Fact]
    public async Task An_incomplete_profile_or_a_membership_is_refused()
    {
        var club = await steps.ClubAsync();
        var incomplete = await harness.CreateStudentAsync(completeProfile: false);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ProfileIncomplete, () => SubmitAsync(incomplete, club));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.AlreadyMember, () => SubmitAsync(club.President, club));
    }

    [Fact]
    public async Task A_first_come_join_of_an_application_group_answers_application_required()
    {
        var club = await steps.ClubAsync();
        var student = await harness.CreateStudentAsync();

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ApplicationRequired,
            () => harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(club.GroupId, Ct)));
    }

    [Fact]
    public async Task A_submitted_application_is_edited_until_an_officer_decides()
    {
        var club = await steps.ClubAsync();
        var (student, applicationId) = await steps.ApplyAsync(club);

        await harness.As<Applying, SubmittedApplication>(student, a => a.EditAsync(applicationId,
            [new(club.Question(0), "고친 동기", null), new(club.Question(2), null, ["피아노"])], Ct));
        var view = await harness.As<ApplicationQueries, ApplicationView>(student, q => q.GetAsync(applicationId, Ct));
        Assert.Equal(["고친 동기", ""], view.Answers.Select(a => a.Text));
        Assert.Null(view.Memo);

        await steps.DecideAsync(club.President, applicationId, Decision.Interview, "금요일 18시 학생회관 301호");
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.InvalidTransition,
            () => harness.As<Applying, SubmittedApplication>(student, a => a.EditAsync(applicationId, ApplicationSteps.Answers(club), Ct)));
    }

    [Fact]
    public async Task Another_students_application_is_not_found_for_them()
    {
        var club = await steps.ClubAsync();
        var (_, applicationId) = await steps.ApplyAsync(club);
        var other = await harness.CreateStudentAsync();

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ApplicationNotFound,
            () => harness.As<ApplicationQueries, ApplicationView>(other, q => q.GetAsync(applicationId, Ct)));
        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ApplicationNotFound,
            () => harness.As<Applying, SubmittedApplication>(other, a => a.WithdrawAsync(applicationId, Ct)));
    }

    [Fact]
    public async Task A_withdrawn_application_takes_no_decision_and_the_student_may_apply_again()
    {
        var club = await steps.ClubAsync();
        var (student, applicationId) = await steps.ApplyAsync(club);

        await harness.As<Applying, SubmittedApplication>(student, a => a.WithdrawAsync(applicationId, Ct));

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.InvalidTransition, () => steps.DecideAsync(club.President, applicationId, Decision.Approve));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.InvalidTransition,
            () => harness.As<Applying, SubmittedApplication>(student, a => a.WithdrawAsync(applicationId, Ct)));
        Assert.Equal(ApplicationStatus.Submitted, (await SubmitAsync(student, club)).Status);
        Assert.Equal([(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn, (Guid?)student)],
            (await steps.HistoryAsync(applicationId)).Select(h => (h.From, h.To, h.ActorId)));
    }

    [Fact]
    public async Task A_form_with_answers_keeps_its_answered_questions()
    {
        var club = await steps.ClubAsync();
        await steps.ApplyAsync(club);
        var form = club.Form;
        QuestionInput Same(QuestionView q) => new(q.Id, q.Type, q.Title, q.Description, q.Required, q.Options);

        // The answered short text may not become a long one, nor go; the unanswered long text may go; a new question may come.
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.QuestionHasAnswers, () => SaveAsync(club,
            [Same(form.Questions[0]) with { Type = QuestionType.LongText }, Same(form.Questions[1]), Same(form.Questions[2])]));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.QuestionHasAnswers, () => SaveAsync(club, [Same(form.Questions[1]), Same(form.Questions[2])]));
        var saved = await SaveAsync(club,
            [Same(form.Questions[0]) with { Title = "지원 동기 (오타 수정)", Required = false }, Same(form.Questions[2]), new(null, QuestionType.ShortText, "새 질문", "", false, null)]);

        Assert.Equal(["지원 동기 (오타 수정)", "악기", "새 질문"], saved.Questions.Select(q => q.Title));
        Assert.Equal([true, true, false], saved.Questions.Select(q => q.Answered));
    }

    [Fact]
    public async Task Only_officers_save_a_form_and_a_closed_form_is_theirs_to_read()
    {
        var club = await steps.ClubAsync(closesAt: harness.Time.GetUtcNow().AddMinutes(5));
        var student = await harness.CreateStudentAsync();

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => harness.As<ApplicationForms, FormView>(student,
            forms => forms.SaveAsync(club.GroupId, new FormInput(JoinPolicy.Application, null, null, []), Ct)));
        Assert.Equal(3, (await harness.As<ApplicationForms, FormView>(student, f => f.GetAsync(club.GroupId, Ct))).Questions.Count);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.NotRecruiting,
            () => harness.As<ApplicationForms, FormView>(student, f => f.GetAsync(club.GroupId, Ct)));
        Assert.False((await harness.As<ApplicationForms, FormView>(club.President, f => f.GetAsync(club.GroupId, Ct))).Open);
    }

    private Task<FormView> SaveAsync(ApplicationClub club, IReadOnlyList<QuestionInput> questions) =>
        harness.As<ApplicationForms, FormView>(club.President, forms => forms.SaveAsync(club.GroupId,
            new FormInput(JoinPolicy.Application, club.Form.OpensAt, club.Form.ClosesAt, questions), Ct));
}
