using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Applications;

/// <summary>
/// Follows the holds approvals took (<see cref="SeatService.TakeApprovedSeatAsync"/>), inside the transaction that ended them:
/// converted into a membership (paid) → JOINED; expired unpaid at the deadline → EXPIRED, told to the applicant and the
/// officers. A released approval hold (the student was already a member) counts as joined when the membership is there.
/// </summary>
public sealed class ApprovalHolds(NotificationOutbox outbox, TimeProvider time) : IHoldEndObserver
{
    public async Task OnHoldsEndedAsync(AppDbContext db, IReadOnlyCollection<long> holdIds, HoldState end, CancellationToken ct)
    {
        var ended = await db.SeatHolds.AsNoTracking().Where(h => holdIds.Contains(h.Id) && h.Reserved)
            .Join(db.Applications.Where(a => a.Status == ApplicationStatus.Approved),
                h => new { GroupId = h.PoolId, h.UserId }, a => new { a.GroupId, a.UserId }, (h, a) => a)
            .Join(db.JoinGroups, a => a.GroupId, g => g.Id, (a, g) => new { Application = a, g.TermKey })
            .Join(db.Clubs, x => x.Application.ClubId, c => c.Id, (x, c) => new { x.Application, x.TermKey, c.Name, c.EnglishName })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var row in ended)
        {
            var application = row.Application;
            var joined = end == HoldState.Converted || (end == HoldState.Released && await db.Memberships.AnyAsync(
                m => m.ClubId == application.ClubId && m.TermKey == row.TermKey && m.UserId == application.UserId, ct));
            var to = joined ? ApplicationStatus.Joined : ApplicationStatus.Expired;
            if (!await ApplicationTransitions.TryMoveAsync(db, application.Id, ApplicationStatus.Approved, to, actor: null, message: null, now, ct)
                || joined)
                continue;
            var dueAt = application.PayBy ?? now;
            var applicant = await db.Users.Where(u => u.Id == application.UserId).Select(u => u.DisplayName).SingleAsync(ct);
            var officers = await ApplicationDrafts.OfficersAsync(db, application.ClubId, row.TermKey, ct);
            outbox.Record(db, [
                ApplicationDrafts.Expired(application.UserId, row.Name, dueAt),
                .. officers.Select(o => ApplicationDrafts.ApplicantExpired(o, row.Name, row.EnglishName, applicant, dueAt)),
            ]);
        }
    }
}
