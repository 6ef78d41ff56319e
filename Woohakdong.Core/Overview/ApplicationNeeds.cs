using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Overview;

/// <summary>Applications to decide, and approvals still unpaid while their seat is held (a hold past its expiry no longer counts).</summary>
public sealed class ApplicationNeeds : IOverviewNeeds
{
    public async Task<IReadOnlyList<OverviewNeed>> CountAsync(AppDbContext db, long clubId, DateTimeOffset now, CancellationToken ct)
    {
        var pending = await db.Applications
            .CountAsync(a => a.ClubId == clubId && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Interview), ct);
        var unpaid = await db.Applications.Where(a => a.ClubId == clubId && a.Status == ApplicationStatus.Approved)
            .Join(db.SeatHolds.Where(h => h.Reserved && h.State == HoldState.Held && h.ExpiresAt > now),
                a => new { PoolId = a.GroupId, a.UserId }, h => new { h.PoolId, h.UserId }, (a, h) => h.ExpiresAt)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Due = g.Min() })
            .SingleOrDefaultAsync(ct);
        return [new(NeedKind.PendingApplications, pending), new(NeedKind.UnpaidApprovals, unpaid?.Count ?? 0, unpaid?.Due)];
    }
}
