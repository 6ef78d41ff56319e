using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Notices;

/// <summary>
/// Tells this term's members of the club, the author aside, that a notice was posted (<see cref="NotificationKind.NoticePosted"/>;
/// e-mail as each member's settings say). One INSERT … SELECT over the roster, however many members, in the caller's
/// transaction, so the notifications commit or roll back with the notice; the recipients it returns are announced on commit.
/// </summary>
public sealed class NoticeAnnouncement(NotificationOutbox outbox, TimeProvider time)
{
    public async Task RecordAsync(AppDbContext db, Notice notice, CancellationToken ct)
    {
        var club = await db.Clubs.AsNoTracking().Where(c => c.Id == notice.ClubId).Select(c => new { c.Name, c.EnglishName }).SingleAsync(ct);
        // Every recipient's row is the same but for the recipient: one row made by the outbox stands for all.
        var row = outbox.Rows([NotificationDraft.NoticePosted(Guid.Empty, club.Name, club.EnglishName, notice.Title, notice.Id)]).Single();
        object? Stored(string property, object? value) => StoredValue.Of<Notification>(db, property, value);
        var (kind, status) = (Stored(nameof(Notification.Kind), row.Kind), Stored(nameof(Notification.EmailStatus), row.EmailStatus));
        var (createdAt, dueAt) = (Stored(nameof(Notification.CreatedAt), row.CreatedAt), Stored(nameof(Notification.EmailDueAt), row.EmailDueAt));
        var term = Term.Current(time).Key;
        var recipients = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO "Notifications" ("RecipientId", "Kind", "Parameters", "Link", "CreatedAt", "InInbox", "EmailStatus", "EmailAttempts", "EmailDueAt")
            SELECT m."UserId", {kind}, {row.Parameters}, {row.Link}, {createdAt}, {row.InInbox}, {status}, {row.EmailAttempts}, {dueAt}
            FROM "ClubMemberships" m
            WHERE m."ClubId" = {notice.ClubId} AND m."TermKey" = {term} AND m."UserId" <> {notice.AuthorId}
            RETURNING "RecipientId" AS "Value"
            """).ToListAsync(ct);
        NotificationOutbox.AnnounceOnCommit(db, recipients);
    }
}
