using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>
/// An officer (임원 and above) registers an item whose images the browser has already uploaded. Every key is checked
/// before anything is written (<see cref="UploadVerifier"/>: issued to this officer for this club, uploaded, at most
/// 10 MB, really an image, copied where no URL writes; and not attached elsewhere); a refusal names the key in
/// <c>Field</c> and saves nothing. The item and its images (the verified copies' keys) are saved together, in one transaction.
/// </summary>
public sealed class RegisterItem(
    ClubAccess access, UploadVerifier verifier, IDbContextFactory<AppDbContext> dbFactory, ItemQueries queries)
{
    public async Task<ItemDetail> RegisterAsync(long clubId, ItemInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        var valid = ItemRules.Validate(input);
        long itemId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var images = await verifier.VerifyAsync(clubId, valid.ImageKeys, ct);
            await ImageAttachments.RefuseAttachedAsync(db, images, ct);
            var item = new Item
            {
                ClubId = clubId, Name = valid.Name, Category = valid.Category, Description = valid.Description,
                Location = valid.Location, MaxLoanDays = valid.MaxLoanDays,
                Images = [.. images.Select((image, position) => new ItemImage { Key = image.Key, Position = position })],
            };
            db.Items.Add(item);
            await ImageAttachments.SaveAsync(db, images, ct);
            itemId = item.Id;
        }
        return await queries.GetAsync(clubId, itemId, ct);
    }
}
