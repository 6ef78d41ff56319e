using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Web.Hosting;

public static class AccountsSetup
{
    /// <summary>
    /// Cookie or bearer: /v1 and any request with "Authorization: Bearer" are API clients, anything else a browser.
    /// /v1 has no antiforgery or Origin check, so the sign-in cookie must never act there: a cross-site page could
    /// otherwise make a signed-in browser call it.
    /// </summary>
    private const string CookieOrBearer = "CookieOrBearer";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, CookieOrBearer, options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/v1")
                || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/login";
                options.AccessDeniedPath = "/access-denied";
            }));
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, RememberedBearerTickets.Setup>();
        services.AddSingleton<SecurityStampReader>();
        services.AddSingleton<BearerSecurityStamps>();
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, BearerSecurityStamps.Setup>();
        services.AddAuthorization();
        services.AddSignInRateLimits(builder.Configuration);

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailLinkTokenProvider>(EmailLinkTokenProvider.ProviderName)
            .AddApiEndpoints()
            .AddErrorDescriber<KoreanIdentityErrorDescriber>();
        services.AddAccountLinks(builder.Configuration);
        services.AddAccountFlows();
        return builder;
    }

    /// <summary>
    /// <c>Accounts</c> settings into Identity: whether sign-in waits for a confirmed address, and the links' lifetimes
    /// (resets on Identity's default token provider, confirmations and changes of address on their own).
    /// </summary>
    private static void AddAccountLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(o => AccountOptions.Valid(o.PasswordResetLinkLifetime) && AccountOptions.Valid(o.EmailLinkLifetime),
                "Accounts:PasswordResetLinkLifetime and Accounts:EmailLinkLifetime must be between 1 second and 30 days.")
            .ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.SignIn.RequireConfirmedEmail = accounts.Value.RequireConfirmedEmail;
            identity.Tokens.EmailConfirmationTokenProvider = EmailLinkTokenProvider.ProviderName;
            identity.Tokens.ChangeEmailTokenProvider = EmailLinkTokenProvider.ProviderName;
        });
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AccountOptions>>((tokens, accounts) => tokens.TokenLifespan = accounts.Value.PasswordResetLinkLifetime);
        services.AddOptions<EmailLinkTokenProviderOptions>()
            .Configure<IOptions<AccountOptions>>((tokens, accounts) => tokens.TokenLifespan = accounts.Value.EmailLinkLifetime);
        // A reset (or any change of the security stamp) ends cookie sessions within the minute, as it does bearer tokens.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = BearerSecurityStamps.CheckInterval);
    }
}
