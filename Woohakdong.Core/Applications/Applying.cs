using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Applications;

/// <summary>
/// A student's own application: submitted while the group is open (by the clock), edited while it is still SUBMITTED and
/// the period open, withdrawn any time before an approval.
/// </summary>
public sealed class Applying(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider time)
{
    public async Task<SubmittedApplication> SubmitAsync(long groupId, IReadOnlyList<AnswerInput> answers, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await ApplicationForms.FindGroupAsync(db, groupId, ct);
        RequireOpen(group);
        if (await db.Memberships.AnyAsync(m => m.ClubId == group.ClubId && m.TermKey == group.TermKey && m.UserId == userId, ct))
            throw AppException.Conflict(ErrorCodes.AlreadyMember);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.Unauthorized();
        if (!user.HasCompleteProfile) throw AppException.Conflict(ErrorCodes.ProfileIncomplete);
        if (await db.Applications.AnyAsync(a => a.GroupId == groupId && a.UserId == userId && JoinApplicationConfiguration.Live.Contains(a.Status), ct))
            throw AppException.Conflict(ErrorCodes.AlreadyApplied);
        var stored = AnswerRules.Validate(await ApplicationForms.QuestionsAsync(db, groupId, ct), answers);
        var application = new JoinApplication
        {
            GroupId = groupId, ClubId = group.ClubId, UserId = userId, Status = ApplicationStatus.Submitted,
            SubmittedAt = time.GetUtcNow(), Answers = stored,
        };
        db.Applications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same student submitting twice at once: the filtered unique index kept the first.
            throw AppException.Conflict(ErrorCodes.AlreadyApplied);
        }
        return new SubmittedApplication(application.Id, application.Status);
    }

    public async Task<SubmittedApplication> EditAsync(long applicationId, IReadOnlyList<AnswerInput> answers, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await OwnAsync(db, applicationId, ct);
        if (application.Status != ApplicationStatus.Submitted) throw AppException.Conflict(ErrorCodes.InvalidTransition);
        RequireOpen(await ApplicationForms.FindGroupAsync(db, application.GroupId, ct));
        var stored = AnswerRules.Validate(await ApplicationForms.QuestionsAsync(db, application.GroupId, ct), answers);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Still SUBMITTED at this moment: an officer deciding meanwhile wins, and the answers they read stay.
        var touched = await db.Applications.Where(a => a.Id == applicationId && a.Status == ApplicationStatus.Submitted)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.UpdatedBy, application.UserId), ct);
        if (touched != 1) throw AppException.Conflict(ErrorCodes.InvalidTransition);
        await db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId).ExecuteDeleteAsync(ct);
        foreach (var answer in stored) answer.ApplicationId = applicationId;
        db.ApplicationAnswers.AddRange(stored);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new SubmittedApplication(applicationId, ApplicationStatus.Submitted);
    }

    public async Task<SubmittedApplication> WithdrawAsync(long applicationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var application = await OwnAsync(db, applicationId, ct);
        if (!ApplicationTransitions.CanWithdraw(application.Status)
            || !await ApplicationTransitions.TryMoveAsync(db, applicationId, application.Status, ApplicationStatus.Withdrawn,
                application.UserId, message: null, time.GetUtcNow(), ct))
            throw AppException.Conflict(ErrorCodes.InvalidTransition);
        await db.SaveChangesAsync(ct);
        return new SubmittedApplication(applicationId, ApplicationStatus.Withdrawn);
    }

    private void RequireOpen(JoinGroup group)
    {
        if (group.Policy != JoinPolicy.Application || !Recruitment.IsOpen(group, time.GetUtcNow()) || group.TermKey != Term.Current(time).Key)
            throw AppException.Conflict(ErrorCodes.NotRecruiting);
    }

    /// <summary>Another student's application is answered as not found: its existence is not theirs to learn.</summary>
    private async Task<JoinApplication> OwnAsync(AppDbContext db, long applicationId, CancellationToken ct)
    {
        var userId = currentUser.RequireUserId();
        return await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.UserId == userId, ct)
            ?? throw AppException.NotFound(ErrorCodes.ApplicationNotFound);
    }
}
