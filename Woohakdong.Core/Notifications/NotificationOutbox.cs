using System.Text.Json;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notifications;

/// <summary>
/// Where a feature records what it tells people: into the context that carries its change, so the notification commits
/// or rolls back with it. The caller's SaveChanges (and commit) writes it; <see cref="NotificationAnnouncer"/> then
/// tells open pages and wakes the e-mail worker.
/// </summary>
public sealed class NotificationOutbox(TimeProvider time)
{
    public void Record(AppDbContext db, NotificationDraft draft) => Record(db, [draft]);

    public void Record(AppDbContext db, IEnumerable<NotificationDraft> drafts)
    {
        var rows = Rows(drafts);
        db.Notifications.AddRange(rows);
        AnnounceOnCommit(db, rows.Select(row => row.RecipientId));
    }

    /// <summary>
    /// The rows <see cref="Record(AppDbContext, IEnumerable{NotificationDraft})"/> would add, for a caller that writes them
    /// itself in one set-based statement (<see cref="Payments.BulkCompletion"/>); it then calls <see cref="AnnounceOnCommit"/>.
    /// </summary>
    public IReadOnlyList<Notification> Rows(IEnumerable<NotificationDraft> drafts)
    {
        var now = time.GetUtcNow();
        return [.. drafts.Select(draft => ToRow(draft, now))];
    }

    /// <summary>
    /// Announces this context's notifications once they are durable (<see cref="NotificationAnnouncer"/>): those
    /// <see cref="Record(AppDbContext, IEnumerable{NotificationDraft})"/> added, and those a caller wrote by SQL.
    /// </summary>
    public static void AnnounceOnCommit(AppDbContext db, IEnumerable<Guid> recipients) => db.UnannouncedRecipients.UnionWith(recipients);

    private static Notification ToRow(NotificationDraft draft, DateTimeOffset now) => new()
    {
        RecipientId = draft.RecipientId,
        Kind = draft.Kind,
        Parameters = JsonSerializer.Serialize(draft.Parameters),
        Link = draft.Link,
        CreatedAt = now,
        InInbox = !draft.Kind.IsAccountMail(),
        EmailTo = draft.EmailTo,
        EmailStatus = EmailStatus.Pending,
        EmailDueAt = now,
    };
}
