using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Items;

/// <summary>
/// Officers delete an item softly: it leaves the lists and can no longer be borrowed, while its loans stay in the
/// members' history. An item on loan is refused (ITEM_ON_LOAN_NOT_DELETABLE): it must come back first, so that
/// nobody holds a thing the club no longer lists.
/// </summary>
public sealed class DeleteItem(ClubAccess access, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task DeleteAsync(long clubId, long itemId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The lock first: a borrow under way commits its loan before the check below, or waits and finds the item gone.
        if (!await db.LockLiveAsync(clubId, itemId, ct)) throw AppException.NotFound(ErrorCodes.ItemNotFound);
        if (await db.OpenLoans(itemId).AnyAsync(ct)) throw AppException.Conflict(ErrorCodes.ItemOnLoanNotDeletable);
        var item = await ItemLookup.FindLiveAsync(db.Items, clubId, itemId, ct);
        item.DeletedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
