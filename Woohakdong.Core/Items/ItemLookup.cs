using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Items;

internal static class ItemLookup
{
    /// <summary>The club's item unless deleted; ITEM_NOT_FOUND otherwise, also for another club's item.</summary>
    public static async Task<Item> FindLiveAsync(IQueryable<Item> items, long clubId, long itemId, CancellationToken ct) =>
        await items.SingleOrDefaultAsync(i => i.Id == itemId && i.ClubId == clubId && i.DeletedAt == null, ct)
        ?? throw AppException.NotFound(ErrorCodes.ItemNotFound);

    /// <summary>
    /// Takes the live item's row lock for the rest of the transaction, by a write that changes nothing: borrowing and
    /// deleting both begin with it, so each waits for the other and then sees what the other committed. It must be the
    /// transaction's first statement (SQLite then waits for the writer instead of failing a stale read's upgrade).
    /// False when no live item of the club has this id.
    /// </summary>
    public static async Task<bool> LockLiveAsync(this AppDbContext db, long clubId, long itemId, CancellationToken ct) =>
        await db.Items
            .Where(i => i.Id == itemId && i.ClubId == clubId && i.DeletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Unavailable, i => i.Unavailable), ct) == 1;

    public static IQueryable<ItemLoan> OpenLoans(this AppDbContext db, long itemId) =>
        db.ItemLoans.Where(l => l.ItemId == itemId && l.ReturnedAt == null);
}
