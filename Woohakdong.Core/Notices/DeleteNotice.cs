using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Notices;

/// <summary>
/// An officer deletes a notice with its history and reads. Its images lose their notice, so the orphan sweep removes
/// them in time; notifications already sent keep their link, which then finds no notice.
/// </summary>
public sealed class DeleteNotice(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access)
{
    public async Task DeleteAsync(long noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await NoticeAccess.WritableAsync(db, access, noticeId, ct);
        db.Notices.Remove(notice);
        await db.SaveChangesAsync(ct);
    }
}
