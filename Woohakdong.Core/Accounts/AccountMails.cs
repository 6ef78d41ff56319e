using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;

namespace Woohakdong.Core.Accounts;

/// <summary>
/// Identity's mails (its /v1 endpoints and the account pages both call this) as account notifications: recorded in the
/// outbox, sent by the e-mail worker like every other mail. Every link points at an account page
/// (<see cref="AccountLinks"/>): a mail is opened in a browser, while Identity's own links lead to its JSON endpoints.
/// A singleton (Identity's endpoints take it once, at start), so each mail gets a scope of its own.
/// </summary>
public sealed class AccountMails(IServiceScopeFactory scopes, NotificationOutbox outbox, EmailLinks links) : IEmailSender<AppUser>
{
    /// <summary>
    /// Identity confirms an address and a change of address with this call; the link may be Identity's
    /// (<c>/v1/auth/confirmEmail?userId=&amp;code=[&amp;changedEmail=]</c>) or a page's: only its code is taken.
    /// </summary>
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        var code = QueryHelpers.ParseQuery(links.To(WebUtility.HtmlDecode(confirmationLink)).Query)["code"].ToString();
        // Identity compares addresses ordinally when it decides that an address changes (manage/info).
        return string.Equals(email, user.Email, StringComparison.Ordinal)
            ? RecordAsync(NotificationDraft.EmailConfirmation(user.Id, links.To(AccountLinks.ConfirmEmail(user.Id, code))))
            : RecordAsync(NotificationDraft.EmailChange(user.Id, email, links.To(AccountLinks.ConfirmEmailChange(user.Id, email, code))));
    }

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        RecordAsync(NotificationDraft.PasswordReset(user.Id, links.To(WebUtility.HtmlDecode(resetLink))));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        RecordAsync(NotificationDraft.PasswordReset(user.Id, links.To(AccountLinks.ResetPassword(email, resetCode))));

    private async Task RecordAsync(NotificationDraft draft)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        outbox.Record(db, draft);
        await db.SaveChangesAsync();
    }
}
