using Microsoft.AspNetCore.Identity;

namespace Woohakdong.Core.Accounts;

/// <summary>Confirming the address an account signed up with, by a link mailed to it (Identity's confirmation token).</summary>
public sealed class EmailConfirmation(UserManager<AppUser> users, IEmailSender<AppUser> mails)
{
    public async Task SendAsync(AppUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await mails.SendConfirmationLinkAsync(user, user.Email!, AccountLinks.ConfirmEmail(user.Id, AccountLinks.Encode(token)));
    }

    /// <summary>Mails a new link when the address has an unconfirmed account; says nothing either way.</summary>
    public async Task ResendAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null || await users.IsEmailConfirmedAsync(user)) return;
        await SendAsync(user);
    }

    /// <summary>False for an unknown account or a used-up, expired or altered link.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || !Guid.TryParse(userId, out var id) || await users.FindByIdAsync(id.ToString()) is not { } user) return false;
        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
