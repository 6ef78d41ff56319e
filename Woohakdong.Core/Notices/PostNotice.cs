using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Notices;

/// <summary>
/// An officer (임원 and above) posts a notice. The notice, its images and, when asked, one notification per member of
/// this term (<see cref="NoticeAnnouncement"/>) are saved in one transaction.
/// </summary>
public sealed class PostNotice(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, UploadVerifier verifier,
    NoticeAnnouncement announcement, NoticeQueries queries)
{
    public async Task<NoticeView> PostAsync(long clubId, NoticeInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, NoticeRules.CanWrite, ct);
        var author = currentUser.RequireUserId();
        var valid = NoticeRules.Validate(input);
        long noticeId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var body = await NoticeBodyImages.PrepareAsync(db, verifier, clubId, noticeId: null, valid.Body, ct);
            var notice = new Notice
            {
                ClubId = clubId, AuthorId = author, Title = valid.Title, Body = body.Body, Audience = valid.Audience, Pinned = valid.Pinned,
                Images = [.. body.NewImages.Select(image => new NoticeImage { Key = image.Key })],
            };
            db.Notices.Add(notice);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation())
            {
                // Attached elsewhere since the check: PostgreSQL takes no query in a failed transaction, so look after it.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                await ImageAttachments.RefuseAttachedAsync(db, body.NewImages, ct);
                throw;
            }
            if (valid.Notify) await announcement.RecordAsync(db, notice, ct);
            await transaction.CommitAsync(ct);
            noticeId = notice.Id;
        }
        return await queries.GetAsync(noticeId, ct);
    }
}
