using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>
/// One PortOne access token for the whole process, reused until shortly before it expires. The lifetime is taken
/// from PortOne's own <c>expired_at - now</c>, so a skewed local clock does not shorten or stretch it.
/// </summary>
public sealed class PortOneAccessTokens(IOptions<PortOneOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim renewing = new(1, 1);
    private CachedToken? current;

    public async Task<string> GetAsync(HttpClient http, Uri tokenUri, CancellationToken ct)
    {
        if (Volatile.Read(ref current) is { } fresh && fresh.IsUsableAt(time.GetUtcNow())) return fresh.Value;
        await renewing.WaitAsync(ct);
        try
        {
            if (current is { } renewed && renewed.IsUsableAt(time.GetUtcNow())) return renewed.Value;
            current = await RequestAsync(http, tokenUri, ct);
            return current.Value;
        }
        finally
        {
            renewing.Release();
        }
    }

    /// <summary>PortOne refused <paramref name="token"/>: forget it, unless another call already replaced it.</summary>
    public void Invalidate(string token)
    {
        var seen = Volatile.Read(ref current);
        if (seen?.Value == token) Interlocked.CompareExchange(ref current, null, seen);
    }

    private async Task<CachedToken> RequestAsync(HttpClient http, Uri tokenUri, CancellationToken ct)
    {
        var settings = options.Value;
        var requestedAt = time.GetUtcNow();
        var body = new Dictionary<string, string?> { ["imp_key"] = settings.ImpKey, ["imp_secret"] = settings.ImpSecret };
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri) { Content = PortOneV1Gateway.JsonBody(body) };
        var token = await PortOneV1Gateway.ReadEnvelopeAsync<PortOneToken>(http, request, notFoundIsNull: false, ct)
            ?? throw new PaymentGatewayException("PortOne returned no access token.");
        var lifetime = TimeSpan.FromSeconds(Math.Max(0, token.ExpiredAt - token.Now));
        return new CachedToken(token.AccessToken, requestedAt + lifetime - RenewBeforeExpiry);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt)
    {
        public bool IsUsableAt(DateTimeOffset now) => now < RenewAt;
    }
}
