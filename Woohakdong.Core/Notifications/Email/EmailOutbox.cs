using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>A notification claimed for sending, with what its mail needs; <see cref="Recipient"/> null when there is no address.</summary>
public sealed record ClaimedEmail(Notification Notification, MailRecipient? Recipient, bool OptedOut);

/// <summary>
/// The e-mail side of the notifications: claiming is one conditional update (SKIP LOCKED on PostgreSQL; SQLite has one
/// writer), so workers on any number of instances never hold the same mail; every outcome is written only by the
/// claim's holder. A one-time link leaves the database once its mail was sent or given up.
/// </summary>
public sealed class EmailOutbox(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<MailOptions> options)
{
    public const int ClaimSize = 20;

    // The one-time links of account mails leave the database with the mail's outcome.
    private static readonly NotificationKind[] AccountMailKinds = [.. Enum.GetValues<NotificationKind>().Where(k => k.IsAccountMail())];

    public async Task<IReadOnlyList<ClaimedEmail>> ClaimAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.ClaimLease;
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = EmailStatus.Pending.ToString();
        List<long> ids;
        if (db.Database.IsNpgsql())
            // The claimed rows' ids come back with the claim, so they are read again by primary key: the read by the
            // claim's token was PostgreSQL's second most active statement in a webhook bench (webhook run 9).
            ids = await db.Database.SqlQuery<long>($"""
                UPDATE "Notifications" SET "EmailClaimedUntil" = {until}, "EmailClaimToken" = {token}, "EmailAttempts" = "EmailAttempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "Notifications"
                               WHERE "EmailStatus" = {pending} AND "EmailDueAt" <= {now}
                                 AND ("EmailClaimedUntil" IS NULL OR "EmailClaimedUntil" < {now})
                               ORDER BY "Id" LIMIT {ClaimSize} FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        else
        {
            await db.Notifications
                .Where(n => db.Notifications
                    .Where(c => c.EmailStatus == EmailStatus.Pending && c.EmailDueAt <= now && (c.EmailClaimedUntil == null || c.EmailClaimedUntil < now))
                    .OrderBy(c => c.Id).Take(ClaimSize).Select(c => c.Id).Contains(n.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.EmailClaimedUntil, until).SetProperty(n => n.EmailClaimToken, token)
                    .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1), ct);
            ids = await db.Notifications.Where(n => n.EmailClaimToken == token).Select(n => n.Id).ToListAsync(ct);
        }
        if (ids.Count == 0) return [];

        var claimed = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id)
            .Select(n => new
            {
                Notification = n,
                User = db.Users.Where(u => u.Id == n.RecipientId).Select(u => new { u.Email, u.DisplayName, u.Language }).Single(),
                OptedOut = db.EmailOptOuts.Any(o => o.UserId == n.RecipientId && o.Kind == n.Kind),
            })
            .ToListAsync(ct);
        return [.. claimed.Select(c =>
        {
            var address = c.Notification.EmailTo ?? c.User.Email;
            var recipient = string.IsNullOrWhiteSpace(address) ? null : new MailRecipient(address, c.User.DisplayName, Languages.CultureOf(c.User.Language));
            return new ClaimedEmail(c.Notification, recipient, c.OptedOut && !c.Notification.Kind.IsAccountMail());
        })];
    }

    /// <summary>Marks the claim's mails in <paramref name="claimed"/> sent, in one statement.</summary>
    public Task MarkSentAsync(IReadOnlyCollection<Notification> claimed, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return FinishAsync(claimed, EmailStatus.Sent, now, null, ct);
    }

    public Task MarkSkippedAsync(IReadOnlyCollection<Notification> claimed, CancellationToken ct = default) =>
        FinishAsync(claimed, EmailStatus.Skipped, null, null, ct);

    /// <summary>Schedules the next attempt (<see cref="EmailRetry"/>), or marks the mail failed; true when it will be tried again.</summary>
    public async Task<bool> MarkAttemptFailedAsync(Notification claimed, string error, bool permanent, CancellationToken ct = default)
    {
        var wait = EmailRetry.WaitAfter(claimed.EmailAttempts, permanent, options.Value);
        if (wait is null)
        {
            await FinishAsync(claimed, EmailStatus.Failed, null, error, ct);
            return false;
        }
        var due = time.GetUtcNow() + wait.Value;
        var message = Truncate(error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Claimed(db, claimed).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.EmailDueAt, due).SetProperty(n => n.EmailError, message)
            .SetProperty(n => n.EmailClaimedUntil, (DateTimeOffset?)null).SetProperty(n => n.EmailClaimToken, (Guid?)null), ct);
        return true;
    }

    private Task FinishAsync(Notification claimed, EmailStatus status, DateTimeOffset? sentAt, string? error, CancellationToken ct) =>
        FinishAsync([claimed], status, sentAt, error, ct);

    /// <summary>One statement for any number of one claim's mails: a claim's mails share its token.</summary>
    private async Task FinishAsync(IReadOnlyCollection<Notification> claimed, EmailStatus status, DateTimeOffset? sentAt, string? error,
        CancellationToken ct)
    {
        if (claimed.Count == 0) return;
        var message = Truncate(error);
        var ids = claimed.Select(n => n.Id).ToList();
        var tokens = claimed.Select(n => n.EmailClaimToken).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => ids.Contains(n.Id) && tokens.Contains(n.EmailClaimToken)).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.EmailStatus, status).SetProperty(n => n.EmailSentAt, sentAt).SetProperty(n => n.EmailError, message)
            .SetProperty(n => n.EmailClaimedUntil, (DateTimeOffset?)null).SetProperty(n => n.EmailClaimToken, (Guid?)null)
            .SetProperty(n => n.Link, n => AccountMailKinds.Contains(n.Kind) ? null : n.Link), ct);
    }

    private static IQueryable<Notification> Claimed(AppDbContext db, Notification claimed) =>
        db.Notifications.Where(n => n.Id == claimed.Id && n.EmailClaimToken == claimed.EmailClaimToken);

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;
}
