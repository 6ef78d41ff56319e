using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Applications;

/// <summary>
/// Officers' decisions on applications: INTERVIEW (with its time and place), APPROVE (through <see cref="SeatService"/>: the
/// crowd's lock and database guard, so approvals stop at the seat limit with FULL), REJECT (optional message); each recorded
/// with who and when, and told to the applicant. Also the officers' memo.
/// </summary>
public sealed class Decisions(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, SeatService seats,
    NotificationOutbox outbox, TimeProvider time)
{
    private sealed record Target(JoinApplication Application, string ClubName);

    public async Task<ApplicationStatus> DecideAsync(long applicationId, Decision decision, string? message, CancellationToken ct = default)
    {
        message = Message(decision, message);
        var target = await TargetAsync(applicationId, ct);
        var application = target.Application;
        var actor = currentUser.RequireUserId();
        var to = decision switch
        {
            Decision.Interview => ApplicationStatus.Interview,
            Decision.Reject => ApplicationStatus.Rejected,
            _ => ApplicationStatus.Approved,
        };
        if (!ApplicationTransitions.IsAllowed(application.Status, to)) throw AppException.Conflict(ErrorCodes.InvalidTransition);
        if (to == ApplicationStatus.Approved) return await ApproveAsync(target, actor, message, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await ApplicationTransitions.TryMoveAsync(db, applicationId, application.Status, to, actor, message, time.GetUtcNow(), ct))
            throw AppException.Conflict(ErrorCodes.InvalidTransition);
        outbox.Record(db, ApplicationDrafts.Decided(application.UserId, target.ClubName, to, message));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return to;
    }

    /// <summary>Several applications, one by one: each gets its own outcome, so one FULL does not undo the others.</summary>
    public async Task<IReadOnlyList<DecisionOutcome>> DecideManyAsync(
        IReadOnlyList<long> applicationIds, Decision decision, string? message, CancellationToken ct = default)
    {
        var outcomes = new List<DecisionOutcome>();
        foreach (var id in applicationIds.Distinct())
        {
            try
            {
                outcomes.Add(new DecisionOutcome(id, await DecideAsync(id, decision, message, ct), null));
            }
            catch (AppException refusal) when (refusal.Kind is ErrorKind.Conflict or ErrorKind.NotFound)
            {
                outcomes.Add(new DecisionOutcome(id, null, refusal.Code));
            }
        }
        return outcomes;
    }

    public async Task SetMemoAsync(long applicationId, string? memo, CancellationToken ct = default)
    {
        var text = TextRules.Normalize(memo, TextShape.MultiLine, "memo");
        if (text.Length > AnswerRules.MemoMaxLength) throw AppException.Validation(ErrorCodes.MemoTooLong, "memo");
        await TargetAsync(applicationId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Memo, text).SetProperty(a => a.UpdatedAt, time.GetUtcNow()).SetProperty(a => a.UpdatedBy, currentUser.UserId), ct);
    }

    /// <summary>
    /// The seat and the move in one transaction: if another officer approved (or the student withdrew) first, the move fails
    /// and the seat goes back. A free group's approval is its membership, so the application passes on to JOINED at once.
    /// </summary>
    private async Task<ApplicationStatus> ApproveAsync(Target target, Guid actor, string? message, CancellationToken ct)
    {
        var application = target.Application;
        var status = ApplicationStatus.Approved;
        await seats.TakeApprovedSeatAsync(application.GroupId, application.UserId, async (db, seat) =>
        {
            var now = time.GetUtcNow();
            if (!await ApplicationTransitions.TryMoveAsync(db, application.Id, application.Status, ApplicationStatus.Approved, actor, message, now, ct,
                    payBy: seat.Hold?.ExpiresAt))
                throw AppException.Conflict(ErrorCodes.InvalidTransition);
            if (seat.Membership is not null
                && await ApplicationTransitions.TryMoveAsync(db, application.Id, ApplicationStatus.Approved, ApplicationStatus.Joined, actor, null, now, ct))
                status = ApplicationStatus.Joined;
            outbox.Record(db, ApplicationDrafts.Decided(application.UserId, target.ClubName, ApplicationStatus.Approved, message));
        }, ct);
        return status;
    }

    private async Task<Target> TargetAsync(long applicationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Join(db.Clubs, a => a.ClubId, c => c.Id, (a, c) => new Target(a, c.Name)).SingleOrDefaultAsync(ct);
        // An applicant or a stranger asking about an application they may not decide: forbidden, once it is known to exist.
        if (target is null) throw AppException.NotFound(ErrorCodes.ApplicationNotFound);
        await access.RequireAsync(target.Application.ClubId, RolePolicy.CanEditClub, ct);
        return target;
    }

    private static string? Message(Decision decision, string? message)
    {
        var text = TextRules.Normalize(message, TextShape.MultiLine, "message");
        if (text.Length > AnswerRules.MessageMaxLength) throw AppException.Validation(ErrorCodes.MessageTooLong, "message");
        if (decision == Decision.Interview && text.Length == 0) throw AppException.Validation(ErrorCodes.MessageRequired, "message");
        return text.Length == 0 ? null : text;
    }
}
