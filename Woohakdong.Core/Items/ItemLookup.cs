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

    public static IQueryable<ItemLoan> OpenLoans(this AppDbContext db, long itemId) =>
        db.ItemLoans.Where(l => l.ItemId == itemId && l.ReturnedAt == null);
}
