using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;

namespace Woohakdong.Core.Overview;

/// <summary>The club's open loans past their due day in KST (<see cref="ItemRules.OverdueOn"/>).</summary>
public sealed class LoanNeeds : IOverviewNeeds
{
    public async Task<IReadOnlyList<OverviewNeed>> CountAsync(AppDbContext db, long clubId, DateTimeOffset now, CancellationToken ct)
    {
        var overdue = await db.ItemLoans.Where(ItemRules.OverdueOn(OverdueSchedule.Today(now)))
            .CountAsync(l => db.Items.Any(i => i.Id == l.ItemId && i.ClubId == clubId), ct);
        return [new(NeedKind.OverdueLoans, overdue)];
    }
}
