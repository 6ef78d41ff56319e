using Microsoft.AspNetCore.Identity;

namespace Woohakdong.Core.Accounts;

public enum PasswordResetOutcome { Done, LinkInvalid, PasswordRefused }

/// <summary>What a reset came to; <see cref="Errors"/> are Identity's (Korean) texts when the new password was refused.</summary>
public sealed record PasswordResetResult(PasswordResetOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static readonly PasswordResetResult Done = new(PasswordResetOutcome.Done, []);
    public static readonly PasswordResetResult LinkInvalid = new(PasswordResetOutcome.LinkInvalid, []);
}

/// <summary>
/// Forgot password → a link by e-mail → a new password, with Identity's reset token: it expires
/// (<see cref="AccountOptions.PasswordResetLinkLifetime"/>) and carries the security stamp, which the reset renews, so a
/// used link is refused and every session signed in before it ends.
/// </summary>
public sealed class PasswordReset(UserManager<AppUser> users, IEmailSender<AppUser> mails)
{
    /// <summary>
    /// Mails a reset link when the address has an account and says nothing either way. Unlike /v1/auth/forgotPassword
    /// (Identity's rule: confirmed addresses only) an unconfirmed address gets one too: confirmation is optional by
    /// default, so most addresses never are, and the link reaches only that address's owner.
    /// </summary>
    public async Task RequestAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mails.SendPasswordResetCodeAsync(user, user.Email, AccountLinks.Encode(token));
    }

    /// <summary>Whether the link still works (not used, expired or altered), without using it.</summary>
    public async Task<bool> IsValidAsync(string? email, string? code) =>
        await FindAsync(email, code) is var (user, token) && user is not null
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);

    public async Task<PasswordResetResult> ResetAsync(string? email, string? code, string newPassword)
    {
        var (user, token) = await FindAsync(email, code);
        if (user is null) return PasswordResetResult.LinkInvalid;
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded) return PasswordResetResult.Done;
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? PasswordResetResult.LinkInvalid
            : new PasswordResetResult(PasswordResetOutcome.PasswordRefused, [.. result.Errors.Select(e => e.Description).Distinct()]);
    }

    private async Task<(AppUser? User, string Token)> FindAsync(string? email, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(email)) return (null, "");
        return (await users.FindByEmailAsync(email.Trim()), token);
    }
}
