using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Applications;

/// <summary>A club recruiting by application, with its form, as the tests say it.</summary>
public sealed record ApplicationClub(OpenClub Club, FormView Form)
{
    public long GroupId => Club.GroupId;
    public Guid President => Club.President;
    public long Question(int index) => Form.Questions[index].Id;
}

/// <summary>Steps of applying on a <see cref="SeatHarness"/>: forms, students applying, officers deciding.</summary>
public sealed class ApplicationSteps(SeatHarness harness)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A short text (required), a long text and a single choice of 기타/피아노.</summary>
    public static readonly IReadOnlyList<QuestionInput> Questions =
    [
        new(null, QuestionType.ShortText, "지원 동기", "", true, null),
        new(null, QuestionType.LongText, "자기소개", "자유롭게", false, null),
        new(null, QuestionType.SingleChoice, "악기", "", true, ["기타", "피아노"]),
    ];

    /// <summary>Open now, closing in two weeks (KST clock of the harness).</summary>
    public async Task<ApplicationClub> ClubAsync(int seatLimit = 30, long fee = 0, DateTimeOffset? closesAt = null)
    {
        var club = await harness.CreateClubAsync(seatLimit, fee);
        var now = harness.Time.GetUtcNow();
        var form = await harness.As<ApplicationForms, FormView>(club.President, forms => forms.SaveAsync(
            club.GroupId, new FormInput(JoinPolicy.Application, now.AddDays(-1), closesAt ?? now.AddDays(14), Questions), Ct));
        return new ApplicationClub(club, form);
    }

    public static IReadOnlyList<AnswerInput> Answers(ApplicationClub club) =>
        [new(club.Question(0), "음악이 좋아서", null), new(club.Question(2), null, ["기타"])];

    public async Task<(Guid Student, long ApplicationId)> ApplyAsync(ApplicationClub club)
    {
        var student = await harness.CreateStudentAsync();
        var submitted = await harness.As<Applying, SubmittedApplication>(student, applying => applying.SubmitAsync(club.GroupId, Answers(club), Ct));
        return (student, submitted.ApplicationId);
    }

    public Task<ApplicationStatus> DecideAsync(Guid officer, long applicationId, Decision decision, string? message = null) =>
        harness.As<Decisions, ApplicationStatus>(officer, decisions => decisions.DecideAsync(applicationId, decision, message, Ct));

    /// <summary>A new officer (임원) of the club this term.</summary>
    public async Task<Guid> OfficerAsync(ApplicationClub club)
    {
        var officer = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership
        {
            ClubId = club.Club.ClubId, UserId = officer, TermKey = Term.Current(harness.Time).Key, Role = ClubRole.Officer,
        });
        await db.SaveChangesAsync(Ct);
        return officer;
    }

    public async Task<JoinApplication> ApplicationAsync(long applicationId)
    {
        await using var db = await harness.DbAsync();
        return await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, Ct);
    }

    public async Task<List<ApplicationHistory>> HistoryAsync(long applicationId)
    {
        await using var db = await harness.DbAsync();
        return await db.ApplicationHistory.AsNoTracking().Where(h => h.ApplicationId == applicationId).OrderBy(h => h.Id).ToListAsync(Ct);
    }
}
