using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Notices;

/// <summary>
/// Marks a notice read by the caller: an insert that does nothing when the (notice, user) row exists, so any number of
/// tabs or devices reading at once count one reader, on both providers.
/// </summary>
public sealed class NoticeReads(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, TimeProvider time)
{
    public async Task MarkReadAsync(long noticeId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await NoticeAccess.ReadableAsync(db, access, currentUser, noticeId, ct);
        var readAt = StoredValue.Of<NoticeRead>(db, nameof(NoticeRead.ReadAt), time.GetUtcNow());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "NoticeReads" ("NoticeId", "UserId", "ReadAt") VALUES ({noticeId}, {userId}, {readAt})
            ON CONFLICT DO NOTHING
            """, ct);
    }
}
