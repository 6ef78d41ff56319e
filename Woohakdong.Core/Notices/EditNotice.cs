using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Notices;

/// <summary>
/// An officer edits a notice: a change of title or body keeps the text it replaces as a <see cref="NoticeRevision"/>
/// and marks the notice edited ("수정됨"); changing only the audience or the pin is no edit. Members are not notified again.
/// </summary>
public sealed class EditNotice(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, UploadVerifier verifier,
    NoticeQueries queries, TimeProvider time)
{
    public async Task<NoticeView> EditAsync(long noticeId, NoticeInput input, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var notice = await NoticeAccess.WritableAsync(db, access, noticeId, ct);
            var valid = NoticeRules.Validate(input);
            var body = await NoticeBodyImages.PrepareAsync(db, verifier, notice.ClubId, notice.Id, valid.Body, ct);
            if (notice.Title != valid.Title || notice.Body != body.Body)
            {
                var now = time.GetUtcNow();
                db.NoticeRevisions.Add(new NoticeRevision
                {
                    NoticeId = notice.Id, Title = notice.Title, Body = notice.Body, ReplacedAt = now, ReplacedBy = currentUser.RequireUserId(),
                });
                notice.EditedAt = now;
            }
            (notice.Title, notice.Body, notice.Audience, notice.Pinned) = (valid.Title, body.Body, valid.Audience, valid.Pinned);
            db.NoticeImages.AddRange(body.NewImages.Select(image => new NoticeImage { NoticeId = notice.Id, Key = image.Key }));
            await ImageAttachments.SaveAsync(db, body.NewImages, ct);
        }
        return await queries.GetAsync(noticeId, ct);
    }
}
