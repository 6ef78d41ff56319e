using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Joining;

/// <summary>A join group's seat: a plain membership of the club for the group's term, first come while recruiting.</summary>
public sealed class MembershipGrant(TimeProvider time) : ISeatGrant
{
    public PoolKind Kind => PoolKind.Join;
    public string NotFoundCode => ErrorCodes.GroupNotFound;
    public string NotOpenCode => ErrorCodes.NotRecruiting;
    public string DuplicateCode => ErrorCodes.AlreadyMember;

    public Expression<Func<SeatPool, bool>> OpenAt(DateTimeOffset now) => Recruitment.OpenAt(now);

    /// <summary>Closing the switch stops honouring payments; the period's end does not (a payment started inside it).</summary>
    public bool Honours(SeatPool pool) => ((JoinGroup)pool).Recruiting;

    public Task RefuseUnlessEligibleAsync(
        AppDbContext db, SeatPool pool, Guid userId, bool forHold, DateTimeOffset now, CancellationToken ct)
    {
        var group = (JoinGroup)pool;
        // A paid application group sends the free path on to the paid one, whose hold is the approval's.
        if (group.Policy == JoinPolicy.Application)
            throw AppException.Conflict(group.Amount > 0 && !forHold ? ErrorCodes.PaymentRequired : ErrorCodes.ApplicationRequired);
        if (!Recruitment.IsOpen(group, now) || group.TermKey != Term.Current(time).Key) throw AppException.Conflict(ErrorCodes.NotRecruiting);
        return Task.CompletedTask;
    }

    public async Task<IGrantedSeat?> FindGrantedAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.ClubId == pool.ClubId && m.TermKey == pool.TermKey && m.UserId == userId, ct);

    public Task<IGrantedSeat> GrantAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct)
    {
        var membership = ((JoinGroup)pool).NewMember(userId);
        db.Memberships.Add(membership);
        return Task.FromResult<IGrantedSeat>(membership);
    }

    public async Task<bool> RevokeAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct) =>
        await db.Memberships.Where(m => m.ClubId == pool.ClubId && m.UserId == userId && m.JoinGroupId == pool.Id).ExecuteDeleteAsync(ct) > 0;
}
