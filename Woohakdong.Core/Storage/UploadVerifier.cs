using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Checks what the client says it uploaded before anything refers to it: each key was issued to this user for
/// this club, the object arrived, is at most 10 MB, and its first bytes really are the image type it was issued
/// for. A refusal names the first bad key in <see cref="AppException.Field"/>.
/// </summary>
public sealed class UploadVerifier(ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage)
{
    public async Task VerifyAsync(long clubId, IReadOnlyList<string> keys, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issued = await db.IssuedUploads
            .Where(u => keys.Contains(u.Key) && u.ClubId == clubId && u.UserId == userId)
            .ToDictionaryAsync(u => u.Key, u => u.ContentType, ct);

        foreach (var key in keys)
        {
            if (!key.StartsWith(UploadKeys.ClubPrefix(clubId), StringComparison.Ordinal) || !issued.TryGetValue(key, out var issuedType))
                throw AppException.Validation(ErrorCodes.ImageNotIssued, key);
            var info = await storage.GetInfoAsync(key, ct) ?? throw AppException.Validation(ErrorCodes.ImageNotUploaded, key);
            if (info.Size > ImageTypes.MaxBytes) throw AppException.Validation(ErrorCodes.ImageTooLarge, key);
            if (info.ContentType != issuedType || !ImageTypes.IsAllowed(info.ContentType))
                throw AppException.Validation(ErrorCodes.ImageTypeNotAllowed, key);
            var head = await storage.ReadFirstBytesAsync(key, ImageTypes.SignatureLength, ct);
            if (!ImageTypes.StartsLike(info.ContentType, head)) throw AppException.Validation(ErrorCodes.ImageContentMismatch, key);
        }
    }
}
