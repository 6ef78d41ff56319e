using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Accounts;

public enum EmailChangeOutcome { Changed, LinkInvalid, AddressTaken }

/// <summary>
/// Changing the account's address: a link (Identity's change-email token, bound to the new address) goes to the new
/// address, and the account changes only when it is followed. Each operation has its own scope: the profile page is a
/// circuit, whose UserManager would keep one tracked user (and its old security stamp) for minutes.
/// </summary>
public sealed class EmailChange(IServiceScopeFactory scopes)
{
    public const int AddressMax = 256;

    public async Task RequestAsync(Guid userId, string newEmail)
    {
        var address = newEmail.Trim();
        if (address.Length > AddressMax || !new EmailAddressAttribute().IsValid(address))
            throw AppException.Validation(ErrorCodes.EmailInvalid, "email");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw AppException.NotFound(ErrorCodes.UserNotFound);
        if (string.Equals(user.Email, address, StringComparison.OrdinalIgnoreCase)) throw AppException.Validation(ErrorCodes.EmailUnchanged, "email");
        // An address another account has is mailed like any other: the answer must not tell who has an account.
        var token = await users.GenerateChangeEmailTokenAsync(user, address);
        await scope.ServiceProvider.GetRequiredService<IEmailSender<AppUser>>()
            .SendConfirmationLinkAsync(user, address, AccountLinks.ConfirmEmailChange(user.Id, address, AccountLinks.Encode(token)));
    }

    /// <summary>
    /// Changes the address and, as Identity's own confirmEmail endpoint does, the user name: one signs in with the
    /// address. Identity renews the security stamp, so sessions signed in with the old address end.
    /// </summary>
    public async Task<EmailChangeOutcome> ConfirmAsync(string? userId, string? email, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(email) || !Guid.TryParse(userId, out var id)) return EmailChangeOutcome.LinkInvalid;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return EmailChangeOutcome.LinkInvalid;
        var result = await users.ChangeEmailAsync(user, email, token);
        if (result.Succeeded) result = await users.SetUserNameAsync(user, email);
        if (result.Succeeded) return EmailChangeOutcome.Changed;
        return result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
            ? EmailChangeOutcome.AddressTaken
            : EmailChangeOutcome.LinkInvalid;
    }
}
