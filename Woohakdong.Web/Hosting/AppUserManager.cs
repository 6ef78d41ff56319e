using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Identity's user manager, except that giving an account its first authenticator key keeps the security stamp.
/// Identity creates that key lazily whenever the 2FA state is read without one (<c>POST /v1/auth/manage/2fa {}</c>),
/// through <see cref="UserManager{TUser}.ResetAuthenticatorKeyAsync"/>, which renews the stamp and so ended every
/// refresh and access token of the account. A first key replaces nothing an authenticator could hold, so nothing needs
/// to end; replacing an existing key still renews the stamp.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators, IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ResetAuthenticatorKeyAsync(AppUser user)
    {
        if (!string.IsNullOrEmpty(await GetAuthenticatorKeyAsync(user))) return await base.ResetAuthenticatorKeyAsync(user);
        await ((IUserAuthenticatorKeyStore<AppUser>)Store).SetAuthenticatorKeyAsync(user, GenerateNewAuthenticatorKey(), CancellationToken);
        return await UpdateAsync(user);
    }
}
