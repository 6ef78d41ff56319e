using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Hands an officer presigned URLs to upload a club's item images straight to storage (and a borrower one for a return photo), and remembers each key with
/// its owner so that <see cref="UploadVerifier"/> accepts it only from them.
/// </summary>
public sealed class ImageUploadService(
    ClubAccess access, ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage,
    UploadKeys keys, IOptions<StorageOptions> options, TimeProvider time)
{
    public const int MaxImages = 10;

    /// <summary>One URL per content type given, in the same order, for officers and above of the club.</summary>
    public async Task<IReadOnlyList<UploadUrl>> RequestAsync(long clubId, IReadOnlyList<string> contentTypes, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        if (contentTypes.Count is < 1 or > MaxImages) throw AppException.Validation(ErrorCodes.ImageCountInvalid, "imageCount");
        return await IssueAsync(clubId, contentTypes, ct);
    }

    /// <summary>
    /// One URL for the photo taken when returning an item: for the item's current borrower, who need not be an officer,
    /// or for an officer recording the return.
    /// </summary>
    public async Task<UploadUrl> RequestReturnPhotoAsync(long clubId, long itemId, string contentType, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        Guid? borrowerId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            borrowerId = await db.OpenLoans(itemId)
                .Where(l => db.Items.Any(i => i.Id == itemId && i.ClubId == clubId))
                .Select(l => (Guid?)l.BorrowerId)
                .SingleOrDefaultAsync(ct);
        }
        if (borrowerId != userId) await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        return (await IssueAsync(clubId, [contentType], ct)).Single();
    }

    private async Task<IReadOnlyList<UploadUrl>> IssueAsync(long clubId, IReadOnlyList<string> contentTypes, CancellationToken ct)
    {
        if (contentTypes.Any(type => !ImageTypes.IsAllowed(type)))
            throw AppException.Validation(ErrorCodes.ImageTypeNotAllowed, "contentType");

        var lifetime = options.Value.UploadUrlLifetime;
        var requests = contentTypes
            .Select(type => new UploadRequest(keys.NewItemImageKey(clubId, ImageTypes.ExtensionOf(type)), type, ImageTypes.MaxBytes))
            .ToList();
        var urls = await storage.CreateUploadUrlsAsync(requests, lifetime, ct);

        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IssuedUploads.AddRange(requests.Zip(urls, (request, url) => new IssuedUpload
        {
            Key = request.Key, ClubId = clubId, UserId = userId, ContentType = request.ContentType,
            IssuedAt = time.GetUtcNow(), ExpiresAt = url.ExpiresAt,
        }));
        await db.SaveChangesAsync(ct);
        return urls;
    }
}
