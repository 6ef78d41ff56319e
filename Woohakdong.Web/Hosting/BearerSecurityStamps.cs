using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Honours the security stamp for bearer access tokens, as the cookie does for pages: after a password change (or
/// anything else that renews the stamp) a token issued before it is refused. The stamp is read from the database at
/// most once per <see cref="CheckInterval"/> per token (the minute <see cref="RememberedBearerTickets"/> remembers a
/// ticket), so a token stops working within that minute and a busy client costs one query a minute; first-seen tokens
/// arriving together share their query (<see cref="SecurityStampReader"/>). The check is Identity's
/// (<c>SignInManager.ValidateSecurityStampAsync</c>): the ticket's stamp claim equals the user's stamp.
/// </summary>
public sealed class BearerSecurityStamps(SecurityStampReader stamps, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public static readonly TimeSpan CheckInterval = RememberedBearerTickets.Lifetime;
    private const int Capacity = 20_000;

    private sealed record Verdict(bool Valid, DateTimeOffset CheckedAt);

    private readonly MemoryCache verdicts = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public async Task ValidateAsync(MessageReceivedContext context)
    {
        var token = context.Token ?? BearerToken(context.Request);
        if (token is null) return;
        var now = time.GetUtcNow();
        if (!verdicts.TryGetValue(token, out Verdict? verdict) || (verdict!.Valid && now - verdict.CheckedAt >= CheckInterval))
        {
            // A token that does not unprotect is the handler's to refuse.
            if (context.Options.BearerTokenProtector.Unprotect(token) is not { } ticket) return;
            verdict = new Verdict(await StampHoldsAsync(ticket.Principal), now);
            // A renewed stamp never comes back, so a refusal is remembered as long as the cache keeps it.
            verdicts.Set(token, verdict, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CheckInterval });
        }
        if (!verdict.Valid) context.Fail("The account's security stamp changed after this token was issued.");
    }

    private async Task<bool> StampHoldsAsync(ClaimsPrincipal principal)
    {
        var claims = identity.Value.ClaimsIdentity;
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        return Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var userId) && stamp is not null
            && await stamps.StampOfAsync(userId) == stamp;
    }

    private static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Runs the check when the bearer handler receives a token, after any handler set up before it.</summary>
    internal sealed class Setup(BearerSecurityStamps checks) : IPostConfigureOptions<BearerTokenOptions>
    {
        public void PostConfigure(string? name, BearerTokenOptions options)
        {
            var received = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await received(context);
                if (context.Result is null) await checks.ValidateAsync(context);
            };
        }
    }
}
