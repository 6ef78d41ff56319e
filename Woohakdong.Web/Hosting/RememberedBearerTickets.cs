using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Reads bearer tokens through a short memory of the tickets already read. A token is an opaque, data-protected
/// ticket, and unprotecting it (key derivation, AES, HMAC) was the largest single cost of a cheap /v1 answer, such as
/// FULL to a crowd; a client sends the same token with every request. The handler still checks the ticket's expiry on
/// each request, tokens that do not unprotect are never remembered, and each caller gets its own copy of the ticket.
/// The price: a data-protection key revoked now is still honoured for <see cref="Lifetime"/> on an instance that has
/// already read a token made with it.
/// </summary>
public sealed class RememberedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private const int Capacity = 20_000;

    // Real time, not the app's TimeProvider: this only bounds how long a revoked key is honoured; expiry is the handler's.
    private readonly MemoryCache tickets = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        var key = (protectedText, purpose);
        if (!tickets.TryGetValue(key, out AuthenticationTicket? ticket))
        {
            ticket = inner.Unprotect(protectedText, purpose);
            if (ticket is null) return null;
            tickets.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
        return ticket!.Clone();
    }

    /// <summary>Wraps the protector the bearer scheme set up for itself (so it runs after the scheme's own set-up).</summary>
    internal sealed class Setup : IPostConfigureOptions<BearerTokenOptions>
    {
        public void PostConfigure(string? name, BearerTokenOptions options)
        {
            if (options.BearerTokenProtector is not RememberedBearerTickets)
                options.BearerTokenProtector = new RememberedBearerTickets(options.BearerTokenProtector);
        }
    }
}
