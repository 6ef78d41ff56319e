using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>An uploaded object is attached once: to one item's images, to one return, to one notice or to one ledger entry. Checked first, enforced by unique indexes.</summary>
internal static class ImageAttachments
{
    /// <summary>Refuses with IMAGE_ALREADY_ATTACHED naming the upload key of the first of <paramref name="images"/> already in use.</summary>
    public static async Task RefuseAttachedAsync(AppDbContext db, IReadOnlyList<VerifiedImage> images, CancellationToken ct)
    {
        if (images.Count == 0) return;
        var keys = images.Select(image => image.Key).ToList();
        var used = await db.ItemImages.Where(i => keys.Contains(i.Key)).Select(i => i.Key)
            .Concat(db.ItemLoans.Where(l => l.ReturnPhotoKey != null && keys.Contains(l.ReturnPhotoKey)).Select(l => l.ReturnPhotoKey!))
            .Concat(db.NoticeImages.Where(i => keys.Contains(i.Key)).Select(i => i.Key))
            .Concat(db.LedgerReceipts.Where(r => keys.Contains(r.Key)).Select(r => r.Key))
            .ToListAsync(ct);
        if (images.FirstOrDefault(image => used.Contains(image.Key)) is { } first)
            throw AppException.Validation(ErrorCodes.ImageAlreadyAttached, first.UploadKey);
    }

    /// <summary>Saves; an image attached by someone else since the check becomes the same refusal.</summary>
    public static async Task SaveAsync(AppDbContext db, IReadOnlyList<VerifiedImage> images, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            await RefuseAttachedAsync(db, images, ct);
            throw;
        }
    }
}
