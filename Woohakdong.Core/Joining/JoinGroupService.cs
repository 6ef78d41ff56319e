using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Joining;

/// <summary>Reading a club's current recruitment, and opening, closing and re-pricing it (임원 and above).</summary>
public sealed class JoinGroupService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, SeatChanges changes, TimeProvider time)
{
    public async Task<JoinGroupView> GetCurrentAsync(long clubId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return JoinGroupView.Of(await JoinGroups.CurrentAsync(db, clubId, Term.Current(time), ct), time.GetUtcNow());
    }

    /// <summary>The current term's group also writes fee and limit back to the club's profile, so the two never disagree.</summary>
    public async Task<JoinGroupView> UpdateAsync(long groupId, bool recruiting, int seatLimit, long amount, CancellationToken ct = default)
    {
        SeatRules.ValidateTerms(seatLimit, amount);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
            ?? throw AppException.NotFound(ErrorCodes.GroupNotFound);
        await access.RequireAsync(group.ClubId, RolePolicy.CanEditClub, ct);
        var now = time.GetUtcNow();
        var actor = currentUser.UserId;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await JoinGroups.ApplyTermsAsync(db, groupId, seatLimit, amount, recruiting, actor, now, ct);
            if (group.TermKey == Term.Current(time).Key)
                await db.Clubs.Where(c => c.Id == group.ClubId).ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.Fee, amount)
                    .SetProperty(c => c.SeatLimit, seatLimit)
                    .SetProperty(c => c.UpdatedAt, now)
                    .SetProperty(c => c.UpdatedBy, actor), ct);
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(db, groupId, ct);
        return JoinGroupView.Of(await db.JoinGroups.AsNoTracking().SingleAsync(g => g.Id == groupId, ct), time.GetUtcNow());
    }
}
