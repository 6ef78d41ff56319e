using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Items;

/// <summary>An uploaded object is attached once: to one item's images or to one return. Checked first, enforced by unique indexes.</summary>
internal static class ImageAttachments
{
    /// <summary>Refuses with IMAGE_ALREADY_ATTACHED naming the first of <paramref name="keys"/> already in use.</summary>
    public static async Task RefuseAttachedAsync(AppDbContext db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return;
        var used = await db.ItemImages.Where(i => keys.Contains(i.Key)).Select(i => i.Key)
            .Concat(db.ItemLoans.Where(l => l.ReturnPhotoKey != null && keys.Contains(l.ReturnPhotoKey)).Select(l => l.ReturnPhotoKey!))
            .ToListAsync(ct);
        if (keys.FirstOrDefault(used.Contains) is { } first) throw AppException.Validation(ErrorCodes.ImageAlreadyAttached, first);
    }

    /// <summary>Saves; a key attached by someone else since the check becomes the same refusal.</summary>
    public static async Task SaveAsync(AppDbContext db, IReadOnlyList<string> keys, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            await RefuseAttachedAsync(db, keys, ct);
            throw;
        }
    }
}
