using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Notices;

/// <summary>
/// A club's notices as the caller may see them, pinned first and then newest first: PUBLIC ones for everyone, MEMBERS
/// ones too for this term's members (all of them, also those posted before the member joined), and read counts for officers.
/// </summary>
public sealed class NoticeQueries(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, NoticeImageLinks images, TimeProvider time)
{
    /// <param name="publicOnly">Only the PUBLIC notices, whoever asks (the club page).</param>
    public async Task<IReadOnlyList<NoticeView>> ListAsync(long clubId, bool publicOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Clubs.AnyAsync(c => c.Id == clubId, ct)) throw AppException.NotFound(ErrorCodes.ClubNotFound);
        var role = await access.RoleAsync(clubId, ct);
        var notices = db.Notices.AsNoTracking().Where(n => n.ClubId == clubId);
        if (publicOnly || role is null) notices = notices.Where(n => n.Audience == NoticeAudience.Public);
        return await ViewsAsync(db, clubId, role, notices.OrderByDescending(n => n.Pinned).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id), ct);
    }

    /// <summary>One notice; a MEMBERS notice is refused to non-members (Unauthorized when anonymous, Forbidden otherwise).</summary>
    public async Task<NoticeView> GetAsync(long noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (notice, role) = await NoticeAccess.ReadableAsync(db, access, currentUser, noticeId, ct);
        return (await ViewsAsync(db, notice.ClubId, role, db.Notices.AsNoTracking().Where(n => n.Id == noticeId), ct)).Single();
    }

    /// <summary>The notice's earlier versions, newest first, for officers.</summary>
    public async Task<IReadOnlyList<NoticeRevisionView>> HistoryAsync(long noticeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notice = await NoticeAccess.WritableAsync(db, access, noticeId, ct);
        var revisions = await db.NoticeRevisions.AsNoTracking().Where(r => r.NoticeId == noticeId)
            .OrderByDescending(r => r.ReplacedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Title, r.Body, r.ReplacedAt, Name = db.Users.Where(u => u.Id == r.ReplacedBy).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var links = (await images.ForAsync(db, [notice.Id], ct)).GetValueOrDefault(notice.Id, NoticeImageLinks.None);
        return [.. revisions.Select(r => new NoticeRevisionView(r.Title, r.Body, NoticeMarkdown.ToHtml(r.Body, links), r.ReplacedAt, r.Name ?? ""))];
    }

    /// <summary>
    /// The editor's preview, for officers: <paramref name="body"/> as it would show, with the images the notice already
    /// has (an upload not yet saved shows as its alt text until then).
    /// </summary>
    public async Task<string> PreviewAsync(long clubId, long? noticeId, string body, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, NoticeRules.CanWrite, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (noticeId is not { } id || !await db.Notices.AnyAsync(n => n.Id == id && n.ClubId == clubId, ct))
            return NoticeMarkdown.ToHtml(body, NoticeImageLinks.None);
        return NoticeMarkdown.ToHtml(body, (await images.ForAsync(db, [id], ct)).GetValueOrDefault(id, NoticeImageLinks.None));
    }

    private async Task<IReadOnlyList<NoticeView>> ViewsAsync(
        AppDbContext db, long clubId, ClubRole? role, IQueryable<Notice> notices, CancellationToken ct)
    {
        var me = currentUser.UserId;
        var rows = await notices.Select(n => new
        {
            Notice = n,
            Author = db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
            ReadByMe = me != null && db.NoticeReads.Any(r => r.NoticeId == n.Id && r.UserId == me),
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Notice.Id).ToList();
        var links = await images.ForAsync(db, ids, ct);
        Dictionary<long, int>? reads = null;
        int? members = null;
        if (NoticeRules.CanWrite(role))
        {
            var term = Term.Current(time).Key;
            var thisTerm = db.Memberships.Where(m => m.ClubId == clubId && m.TermKey == term);
            members = await thisTerm.CountAsync(ct);
            // Readers who are members this term: "읽음 12/30" counts this term's members only.
            reads = await db.NoticeReads.Where(r => ids.Contains(r.NoticeId) && thisTerm.Any(m => m.UserId == r.UserId))
                .GroupBy(r => r.NoticeId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }
        return [.. rows.Select(r => new NoticeView(
            r.Notice.Id, r.Notice.ClubId, r.Notice.Title, r.Notice.Body,
            NoticeMarkdown.ToHtml(r.Notice.Body, links.GetValueOrDefault(r.Notice.Id, NoticeImageLinks.None)),
            r.Notice.Audience, r.Notice.Pinned, r.Notice.CreatedAt, r.Notice.UpdatedAt, r.Notice.EditedAt, r.Author ?? "",
            r.ReadByMe, reads is null ? null : reads.GetValueOrDefault(r.Notice.Id), members))];
    }
}
