using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Notices;

/// <summary>A notice body whose uploads were verified and now point at their checked copies, with the images new to the notice.</summary>
internal sealed record PreparedBody(string Body, IReadOnlyList<VerifiedImage> NewImages);

/// <summary>
/// The images of a notice body go through the upload flow every club image takes: the editor puts the upload key in
/// the Markdown (<c>![](clubs/1/uploads/…)</c>); here each is verified (<see cref="UploadVerifier"/>: issued to this
/// officer for this club, really an image, copied where no URL writes) and replaced by its verified key. A key the
/// notice already shows stays; any other source (an address elsewhere, another club's or notice's key) is refused.
/// </summary>
internal static class NoticeBodyImages
{
    public static async Task<PreparedBody> PrepareAsync(
        AppDbContext db, UploadVerifier verifier, long clubId, long? noticeId, string body, CancellationToken ct)
    {
        var sources = NoticeMarkdown.ImageSources(body).Distinct(StringComparer.Ordinal).ToList();
        if (sources.Count > NoticeRules.MaxImages) throw AppException.Validation(ErrorCodes.NoticeTooManyImages, "body");
        var own = noticeId is { } id
            ? await db.NoticeImages.Where(i => i.NoticeId == id).Select(i => i.Key).ToListAsync(ct)
            : [];
        var uploads = sources.Except(own, StringComparer.Ordinal).ToList();
        if (uploads.FirstOrDefault(source => !source.StartsWith(UploadKeys.Root, StringComparison.Ordinal)) is { } external)
            throw AppException.Validation(ErrorCodes.NoticeImageNotAllowed, external);
        var verified = await verifier.VerifyAsync(clubId, uploads, ct);
        await ImageAttachments.RefuseAttachedAsync(db, verified, ct);
        // Keys are 128 random bits: an upload key occurs in the body only where it was put as an image source.
        var rewritten = verified.Aggregate(body, (text, image) => text.Replace(image.UploadKey, image.Key, StringComparison.Ordinal));
        return new PreparedBody(rewritten, verified);
    }
}
