using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Accounts;

/// <summary>
/// Identity's data-protection tokens with their own lifetime (<see cref="AccountOptions.EmailLinkLifetime"/>) for
/// e-mail confirmation and change of address; the default provider keeps the shorter one for password resets.
/// </summary>
public sealed class EmailLinkTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<EmailLinkTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtection, options, logger)
{
    public const string ProviderName = "EmailLink";
}

public sealed class EmailLinkTokenProviderOptions : DataProtectionTokenProviderOptions
{
    // The name is the data-protection purpose: a reset token never passes for a confirmation token, nor the reverse.
    public EmailLinkTokenProviderOptions() => Name = "EmailLinkDataProtectorTokenProvider";
}
