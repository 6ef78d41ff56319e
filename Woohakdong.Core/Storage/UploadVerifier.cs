using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Storage;

/// <summary>An upload the verifier accepted: the key the client sent and the key its checked bytes now live under.</summary>
public sealed record VerifiedImage(string UploadKey, string Key);

/// <summary>
/// Checks what the client says it uploaded before anything refers to it, and makes the check stay true: each key was
/// issued to this user for this club; the object is copied to the upload's own image key, which no URL can write,
/// and the copy must be at most 10 MB, of the issued type, with a header <see cref="ImageHeader"/> accepts; then the
/// upload is deleted. A second PUT to the upload URL can no longer change what is served. A refusal names the first
/// bad key in <see cref="AppException.Field"/>.
/// </summary>
public sealed class UploadVerifier(ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage, TimeProvider time)
{
    public async Task<IReadOnlyList<VerifiedImage>> VerifyAsync(long clubId, IReadOnlyList<string> uploadKeys, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        Dictionary<string, IssuedUpload> issued;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            issued = await db.IssuedUploads.AsNoTracking()
                .Where(u => uploadKeys.Contains(u.UploadKey) && u.ClubId == clubId && u.UserId == userId)
                .ToDictionaryAsync(u => u.UploadKey, ct);
        }

        var verified = new List<VerifiedImage>(uploadKeys.Count);
        foreach (var key in uploadKeys)
        {
            if (!key.StartsWith(UploadKeys.ClubPrefix(clubId), StringComparison.Ordinal) || !issued.TryGetValue(key, out var upload))
                throw AppException.Validation(ErrorCodes.ImageNotIssued, key);
            if (upload.VerifiedAt is null) await SealAsync(upload, ct);
            verified.Add(new VerifiedImage(key, upload.Key));
        }
        return verified;
    }

    /// <summary>
    /// Copies, checks the copy and deletes the upload while holding the upload's row (a conditional update in a
    /// transaction), so that two requests verifying the same upload cannot both copy: the second waits, then finds it
    /// verified. A refusal removes the copy and leaves the upload unverified.
    /// </summary>
    private async Task SealAsync(IssuedUpload upload, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var taken = await db.IssuedUploads.Where(u => u.Id == upload.Id && u.VerifiedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.VerifiedAt, time.GetUtcNow()), ct);
        if (taken == 0) return;

        var error = await RefusalAsync(upload, ct);
        if (error is not null)
        {
            await storage.DeleteAsync(upload.Key, ct);
            throw AppException.Validation(error, upload.UploadKey);
        }
        await storage.DeleteAsync(upload.UploadKey, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Null when the upload is now under its image key and passed every check there; otherwise the error code.</summary>
    private async Task<string?> RefusalAsync(IssuedUpload upload, CancellationToken ct)
    {
        // Looked at before copying so that an oversized upload is not copied at all; the copy is what counts.
        var uploaded = await storage.GetInfoAsync(upload.UploadKey, ct);
        if (uploaded is null) return ErrorCodes.ImageNotUploaded;
        if (uploaded.Size > ImageTypes.MaxBytes) return ErrorCodes.ImageTooLarge;
        if (!await storage.CopyAsync(upload.UploadKey, upload.Key, ct)) return ErrorCodes.ImageNotUploaded;

        var copy = await storage.GetInfoAsync(upload.Key, ct);
        if (copy is null) return ErrorCodes.ImageNotUploaded;
        if (copy.Size > ImageTypes.MaxBytes) return ErrorCodes.ImageTooLarge;
        if (copy.ContentType != upload.ContentType || !ImageTypes.IsAllowed(copy.ContentType)) return ErrorCodes.ImageTypeNotAllowed;
        // An empty object has no range to ask for (S3 refuses one); it is simply no image.
        var head = copy.Size == 0 ? [] : await storage.ReadFirstBytesAsync(upload.Key, ImageTypes.HeaderWindow, ct);
        return ImageHeader.Refusal(copy.ContentType, head);
    }
}
