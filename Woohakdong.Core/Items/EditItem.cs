using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>Officers change an item: its details and image list, or whether it can be lent (repair).</summary>
public sealed class EditItem(
    ClubAccess access, UploadVerifier verifier, IDbContextFactory<AppDbContext> dbFactory, ItemQueries queries)
{
    /// <summary>
    /// <see cref="ItemInput.ImageKeys"/> is the whole new list in order: keys the item already has are kept, new ones
    /// (upload keys) are verified like at registration and stand in the list as their copies' keys, missing ones are
    /// detached (the orphan sweep later deletes their objects).
    /// </summary>
    public async Task<ItemDetail> UpdateAsync(long clubId, long itemId, ItemInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        var valid = ItemRules.Validate(input);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var item = await ItemLookup.FindLiveAsync(db.Items.Include(i => i.Images), clubId, itemId, ct);
            var current = item.Images.ToDictionary(image => image.Key, StringComparer.Ordinal);
            var verified = await verifier.VerifyAsync(clubId, [.. valid.ImageKeys.Where(key => !current.ContainsKey(key))], ct);
            var copies = verified.ToDictionary(image => image.UploadKey, image => image.Key, StringComparer.Ordinal);
            var keys = valid.ImageKeys.Select(key => copies.GetValueOrDefault(key, key)).ToList();
            // An upload key of an image the item already has names that image; twice in the list is still twice.
            if (valid.ImageKeys.Where((_, index) => keys.IndexOf(keys[index]) != index).FirstOrDefault() is { } repeated)
                throw AppException.Validation(ErrorCodes.ImageRepeated, repeated);
            var added = verified.Where(image => !current.ContainsKey(image.Key)).ToList();
            await ImageAttachments.RefuseAttachedAsync(db, added, ct);

            item.Images.RemoveAll(image => !keys.Contains(image.Key));
            for (var position = 0; position < keys.Count; position++)
            {
                if (current.TryGetValue(keys[position], out var kept)) kept.Position = position;
                else item.Images.Add(new ItemImage { Key = keys[position], Position = position });
            }
            item.Name = valid.Name;
            item.Category = valid.Category;
            item.Description = valid.Description;
            item.Location = valid.Location;
            item.MaxLoanDays = valid.MaxLoanDays;
            await ImageAttachments.SaveAsync(db, added, ct);
        }
        return await queries.GetAsync(clubId, itemId, ct);
    }

    /// <summary>An unavailable item cannot be borrowed; a loan already running is not affected and is returned as usual.</summary>
    public async Task SetUnavailableAsync(long clubId, long itemId, bool unavailable, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ItemLookup.FindLiveAsync(db.Items, clubId, itemId, ct);
        item.Unavailable = unavailable;
        await db.SaveChangesAsync(ct);
    }
}
