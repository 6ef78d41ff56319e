using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Ledger;

/// <summary>Who reads the ledger: officers only, or every member of the term (투명 장부); set by 총무 and above.</summary>
public sealed class LedgerSettings(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, TimeProvider time)
{
    public async Task SetOpenToMembersAsync(long clubId, bool open, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, LedgerRules.CanWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Clubs.Where(c => c.Id == clubId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.LedgerOpenToMembers, open).SetProperty(c => c.UpdatedAt, time.GetUtcNow()), ct);
    }
}
