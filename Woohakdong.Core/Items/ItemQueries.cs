using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Items;

/// <summary>What members of a club see of its items: the list with thumbnails and an item's page. Deleted items are gone from both.</summary>
public sealed class ItemQueries(
    ClubAccess access, IDbContextFactory<AppDbContext> dbFactory, ItemImageUrls urls, LoanReader loans, TimeProvider time)
{
    /// <summary>The club's items by name, filtered by category, status and a part of the name.</summary>
    public async Task<IReadOnlyList<ItemSummary>> ListAsync(long clubId, ItemQuery query, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, role => role is not null, ct);
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.Items.Where(i => i.ClubId == clubId && i.DeletedAt == null);
        if (query.Category is { } category) items = items.Where(i => i.Category == category);
        var needle = TextRules.SearchTerm(query.Search);
        if (needle.Length > 0) items = items.Where(i => i.Name.ToLower().Contains(needle));
        var rows = await items
            .OrderBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, i.Name, i.Category, i.Location, i.MaxLoanDays, i.Unavailable,
                DueOn = db.ItemLoans.Where(l => l.ItemId == i.Id && l.ReturnedAt == null).Select(l => (DateOnly?)l.DueOn).FirstOrDefault(),
                Thumbnail = i.Images.OrderBy(image => image.Position).Select(image => image.Key).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var summaries = new List<ItemSummary>();
        foreach (var row in rows)
        {
            var status = ItemRules.StatusOf(row.Unavailable, row.DueOn, today);
            if (query.Status is { } wanted && !Matches(status, wanted)) continue;
            summaries.Add(new ItemSummary(
                row.Id, row.Name, row.Category, row.Location, row.MaxLoanDays, status, row.DueOn, await urls.UrlOrNullAsync(row.Thumbnail, ct)));
        }
        return summaries;
    }

    /// <summary>One item with every image and its whole loan history.</summary>
    public async Task<ItemDetail> GetAsync(long clubId, long itemId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, role => role is not null, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ItemLookup.FindLiveAsync(db.Items.AsNoTracking().Include(i => i.Images), clubId, itemId, ct);
        var history = await loans.ReadAsync(db, db.ItemLoans.Where(l => l.ItemId == itemId), ct);
        var images = new List<ItemImageView>();
        foreach (var image in item.Images.OrderBy(image => image.Position))
            images.Add(new ItemImageView(image.Key, await urls.UrlAsync(image.Key, ct)));
        var openLoan = history.FirstOrDefault(loan => loan.ReturnedAt is null);
        return new ItemDetail(
            item.Id, item.ClubId, item.Name, item.Category, item.Description, item.Location, item.MaxLoanDays, item.Unavailable,
            ItemRules.StatusOf(item.Unavailable, openLoan?.DueOn, time.Today()), images, history);
    }

    private static bool Matches(ItemStatus status, ItemStatus wanted) =>
        status == wanted || (wanted == ItemStatus.OnLoan && status == ItemStatus.Overdue);
}
