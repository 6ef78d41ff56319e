using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Hands an officer presigned URLs to upload a club's item images straight to storage (and a borrower one for a return photo), and remembers each key with
/// its owner so that <see cref="UploadVerifier"/> accepts it only from them. A presigned PUT cannot cap its size, so
/// the URLs one may hold are bounded: <see cref="MaxOutstanding"/> live, unverified ones per user and club, and one
/// return photo per loan (for each caller: the borrower, or an officer recording the return).
/// </summary>
public sealed class ImageUploadService(
    ClubAccess access, ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage,
    UploadKeys keys, IOptions<StorageOptions> options, TimeProvider time)
{
    public const int MaxImages = 10;

    /// <summary>Two whole batches of item images, so that a retry or a second form never waits for URLs to expire.</summary>
    public const int MaxOutstanding = 2 * MaxImages;

    /// <summary>One URL per content type given, in the same order, for officers and above of the club.</summary>
    public async Task<IReadOnlyList<UploadUrl>> RequestAsync(long clubId, IReadOnlyList<string> contentTypes, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        if (contentTypes.Count is < 1 or > MaxImages) throw AppException.Validation(ErrorCodes.ImageCountInvalid, "imageCount");
        return await IssueAsync(clubId, contentTypes, loanId: null, ct);
    }

    /// <summary>
    /// The one URL for the photo taken when returning an item: for the item's current borrower, who need not be an officer,
    /// or for an officer recording the return. While the caller's URL for this loan lives, asking again signs the same
    /// key anew (a retry); asking for another type then is UPLOAD_LIMIT_REACHED.
    /// </summary>
    public async Task<UploadUrl> RequestReturnPhotoAsync(long clubId, long itemId, string contentType, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loan = await db.OpenLoans(itemId)
            .Where(l => db.Items.Any(i => i.Id == itemId && i.ClubId == clubId))
            .Select(l => new { l.Id, l.BorrowerId })
            .SingleOrDefaultAsync(ct);
        if (loan?.BorrowerId != userId) await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        if (loan is null)
        {
            throw await db.Items.AnyAsync(i => i.Id == itemId && i.ClubId == clubId, ct)
                ? AppException.Conflict(ErrorCodes.ItemNotOnLoan)
                : AppException.NotFound(ErrorCodes.ItemNotFound);
        }
        RefuseDisallowed([contentType]);

        var now = time.GetUtcNow();
        // First, not Single: for a moment a request at the same time may have saved a second row it is about to take back.
        var live = await db.IssuedUploads.OrderBy(u => u.Id).FirstOrDefaultAsync(
            u => u.LoanId == loan.Id && u.UserId == userId && u.VerifiedAt == null && u.ExpiresAt > now, ct);
        if (live is null) return (await IssueAsync(clubId, [contentType], loan.Id, ct)).Single();
        if (live.ContentType != contentType) throw AppException.Conflict(ErrorCodes.UploadLimitReached);
        var url = (await storage.CreateUploadUrlsAsync([new UploadRequest(live.UploadKey, contentType, ImageTypes.MaxBytes)], options.Value.UploadUrlLifetime, ct)).Single();
        live.ExpiresAt = url.ExpiresAt;
        await db.SaveChangesAsync(ct);
        return url;
    }

    private async Task<IReadOnlyList<UploadUrl>> IssueAsync(long clubId, IReadOnlyList<string> contentTypes, long? loanId, CancellationToken ct)
    {
        RefuseDisallowed(contentTypes);
        var userId = currentUser.RequireUserId();
        var issued = contentTypes.Select(type => (Type: type, Keys: keys.NewUpload(clubId, ImageTypes.ExtensionOf(type)))).ToList();
        var urls = await storage.CreateUploadUrlsAsync(
            [.. issued.Select(upload => new UploadRequest(upload.Keys.UploadKey, upload.Type, ImageTypes.MaxBytes))], options.Value.UploadUrlLifetime, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = issued.Zip(urls, (upload, url) => new IssuedUpload
        {
            Key = upload.Keys.ImageKey, UploadKey = upload.Keys.UploadKey, ClubId = clubId, UserId = userId, ContentType = upload.Type,
            IssuedAt = time.GetUtcNow(), ExpiresAt = url.ExpiresAt, LoanId = loanId,
        }).ToList();
        db.IssuedUploads.AddRange(rows);
        await db.SaveChangesAsync(ct);

        // Counted after saving, so that requests at the same moment cannot both pass a count taken before either saved;
        // the URLs are handed out only when the count holds (or both are refused: the caller simply asks again).
        var now = time.GetUtcNow();
        var live = db.IssuedUploads.Where(u => u.UserId == userId && u.VerifiedAt == null && u.ExpiresAt > now);
        var overLimit = await live.CountAsync(u => u.ClubId == clubId, ct) > MaxOutstanding
                        || (loanId is not null && await live.CountAsync(u => u.LoanId == loanId, ct) > 1);
        if (!overLimit) return urls;
        var ids = rows.Select(row => row.Id).ToList();
        await db.IssuedUploads.Where(u => ids.Contains(u.Id)).ExecuteDeleteAsync(ct);
        throw AppException.Conflict(ErrorCodes.UploadLimitReached);
    }

    private static void RefuseDisallowed(IReadOnlyList<string> contentTypes)
    {
        if (contentTypes.Any(type => !ImageTypes.IsAllowed(type)))
            throw AppException.Validation(ErrorCodes.ImageTypeNotAllowed, "contentType");
    }
}
