using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Notices;

/// <summary>Finds a notice and checks the caller against it, the one way every notice service does.</summary>
internal static class NoticeAccess
{
    public static async Task<(Notice Notice, ClubRole? Role)> ReadableAsync(
        AppDbContext db, ClubAccess access, ICurrentUser currentUser, long noticeId, CancellationToken ct)
    {
        var notice = await FindAsync(db, noticeId, ct);
        var role = await access.RoleAsync(notice.ClubId, ct);
        if (NoticeRules.CanRead(notice.Audience, role)) return (notice, role);
        throw currentUser.UserId is null ? AppException.Unauthorized() : AppException.Forbidden();
    }

    /// <summary>The notice, tracked, for an officer of its club.</summary>
    public static async Task<Notice> WritableAsync(AppDbContext db, ClubAccess access, long noticeId, CancellationToken ct)
    {
        var notice = await FindAsync(db, noticeId, ct);
        await access.RequireAsync(notice.ClubId, NoticeRules.CanWrite, ct);
        return notice;
    }

    private static async Task<Notice> FindAsync(AppDbContext db, long noticeId, CancellationToken ct) =>
        await db.Notices.SingleOrDefaultAsync(n => n.Id == noticeId, ct) ?? throw AppException.NotFound(ErrorCodes.NoticeNotFound);
}
