using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;

namespace Woohakdong.Core.Accounts;

/// <summary>
/// Identity's mails (its /v1 endpoints and the account pages both call this) as account notifications: recorded in the
/// outbox, sent by the e-mail worker like every other mail. Identity hands links over HTML-encoded; they are stored as
/// plain links. A reset code becomes a link to the reset page, so a student never copies a code by hand.
/// A singleton: Identity's endpoints take their sender from the root provider once, when mapped (a scoped one fails the
/// Development scope check at start-up), so each mail opens its own scope for the database.
/// </summary>
public sealed class AccountMails(IServiceScopeFactory scopes, NotificationOutbox outbox, EmailLinks links) : IEmailSender<AppUser>
{
    public const string ResetPasswordPath = "/account/reset-password";

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        var link = new Uri(WebUtility.HtmlDecode(confirmationLink));
        // Identity confirms a change of address with the same call, sent to the new address.
        return RecordAsync(string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase)
            ? NotificationDraft.EmailConfirmation(user.Id, link)
            : NotificationDraft.EmailChange(user.Id, email, link));
    }

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        RecordAsync(NotificationDraft.PasswordReset(user.Id, new Uri(WebUtility.HtmlDecode(resetLink))));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        RecordAsync(NotificationDraft.PasswordReset(user.Id, links.To(
            $"{ResetPasswordPath}?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(resetCode)}")));

    private async Task RecordAsync(NotificationDraft draft)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        outbox.Record(db, draft);
        await db.SaveChangesAsync();
    }
}
