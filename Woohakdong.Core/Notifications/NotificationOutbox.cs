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
    public void Record(AppDbContext db, NotificationDraft draft) => db.Notifications.Add(ToRow(draft, time.GetUtcNow()));

    public void Record(AppDbContext db, IEnumerable<NotificationDraft> drafts)
    {
        var now = time.GetUtcNow();
        db.Notifications.AddRange(drafts.Select(draft => ToRow(draft, now)));
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
    /// Announces notifications this context wrote by SQL, which the change tracker never sees, once its transaction
    /// commits, exactly as recorded ones are (and never when it rolls back).
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
