using Microsoft.Extensions.Logging;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>
/// One claim's worth of mail through one transport session. A mail the server refuses for good is marked failed at once;
/// any other failure waits for its retry; when the session cannot open or breaks, the rest of the claim waits too.
/// </summary>
public sealed class EmailBatch(EmailOutbox outbox, EmailComposer composer, IMailTransport transport, ILogger<EmailBatch> logger)
{
    /// <summary>How many mails were claimed (a full claim means more may wait).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var claimed = await outbox.ClaimAsync(ct);
        var toSend = claimed.Where(mail => mail.Recipient is not null && !mail.OptedOut).ToList();
        await outbox.MarkSkippedAsync([.. claimed.Except(toSend).Select(mail => mail.Notification)], ct);
        if (toSend.Count == 0) return claimed.Count;

        IMailSession session;
        try
        {
            session = await transport.OpenAsync(ct);
        }
        catch (MailDeliveryException unavailable)
        {
            logger.LogWarning("{Count} e-mails wait: {Reason}", toSend.Count, unavailable.Message);
            foreach (var mail in toSend) await FailedAsync(mail, unavailable, ct);
            return claimed.Count;
        }
        // Sent mails are marked together after the session, even when the host stops mid-claim (not sent twice on a deploy);
        // only a crash in between sends them again, at most one claim's worth.
        var sent = new List<Notification>(toSend.Count);
        try
        {
            await using var open = session;
            for (var i = 0; i < toSend.Count; i++)
            {
                var mail = toSend[i];
                try
                {
                    await session.SendAsync(composer.Compose(mail.Notification, mail.Recipient!), ct);
                }
                catch (MailDeliveryException failed)
                {
                    await FailedAsync(mail, failed, ct);
                    if (failed.Permanent) continue;
                    // The session is suspect: the rest waits for the next pass and its own session.
                    foreach (var rest in toSend.Skip(i + 1)) await FailedAsync(rest, failed, ct);
                    break;
                }
                sent.Add(mail.Notification);
            }
        }
        finally
        {
            await outbox.MarkSentAsync(sent, CancellationToken.None);
        }
        return claimed.Count;
    }

    private async Task FailedAsync(ClaimedEmail mail, MailDeliveryException failure, CancellationToken ct)
    {
        var notification = mail.Notification;
        if (await outbox.MarkAttemptFailedAsync(notification, failure.Message, failure.Permanent, ct)) return;
        logger.LogError("E-mail {Id} ({Kind}) to user {Recipient} failed for good after {Attempts} attempts: {Reason}",
            notification.Id, notification.Kind, notification.RecipientId, notification.EmailAttempts, failure.Message);
    }
}
