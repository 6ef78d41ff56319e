using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Signs and checks <c>/objects/{key}</c> URLs with an HMAC over method, key, content type, maximum length and
/// expiry, so that a URL grants exactly one kind of request for one object until it expires.
/// </summary>
public sealed class LocalObjectSigner(IOptions<StorageOptions> options, TimeProvider time)
{
    // Without a configured key, one made at start-up: the local disk serves a single instance, and an upload URL
    // lives minutes, so a restart only costs a retry.
    private readonly byte[] secret = options.Value.LocalDisk.SigningKey is { } configured
        ? Convert.FromBase64String(configured)
        : RandomNumberGenerator.GetBytes(32);

    public string UploadUrl(UploadRequest upload, DateTimeOffset expiresAt) =>
        Url(HttpMethods.Put, upload.Key, upload.ContentType, upload.MaxBytes, expiresAt);

    public string DownloadUrl(string key, DateTimeOffset expiresAt) => Url(HttpMethods.Get, key, "", 0, expiresAt);

    /// <summary>True when the request's signature matches its method, key, limit and this content type, and has not expired.</summary>
    public bool IsValid(SignedObjectRequest request, string contentType)
    {
        if (time.GetUtcNow().ToUnixTimeSeconds() > request.Expires) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(request.Method, request.Key, contentType, request.MaxBytes, request.Expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(request.Signature));
    }

    /// <summary>Seconds left before a request's link expires (zero when it has).</summary>
    public TimeSpan LifeLeft(SignedObjectRequest request) =>
        TimeSpan.FromSeconds(Math.Max(0, request.Expires - time.GetUtcNow().ToUnixTimeSeconds()));

    private string Url(string method, string key, string contentType, long maxBytes, DateTimeOffset expiresAt)
    {
        var expires = expiresAt.ToUnixTimeSeconds();
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        var limit = method == HttpMethods.Put ? $"&max={maxBytes}" : "";
        return $"/objects/{path}?expires={expires}{limit}&sig={Sign(method, key, contentType, maxBytes, expires)}";
    }

    private string Sign(string method, string key, string contentType, long maxBytes, long expires)
    {
        var canonical = string.Join('\n', method, key, contentType, maxBytes.ToString(CultureInfo.InvariantCulture),
            expires.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>
/// A request to <c>/objects/{key}</c> with the query <see cref="LocalObjectSigner"/> signs (<c>expires</c>, for a PUT
/// <c>max</c>, and <c>sig</c>), parsed once: anything else there (a missing or repeated value, a number that does not
/// parse or overflows, a key the store cannot hold) is no signed request at all.
/// </summary>
public sealed record SignedObjectRequest(string Method, string Key, long Expires, long MaxBytes, string Signature)
{
    public static SignedObjectRequest? Parse(HttpRequest request)
    {
        var key = request.RouteValues["key"] as string;
        var query = request.Query;
        var withLimit = HttpMethods.IsPut(request.Method);
        if (!LocalDiskObjectStorage.IsValidKey(key) || !TryNumber(query, "expires", out var expires)) return null;
        long maxBytes = 0;
        if (withLimit && !TryNumber(query, "max", out maxBytes)) return null;
        if (query["sig"] is not [{ Length: > 0 } signature]) return null;
        return new SignedObjectRequest(withLimit ? HttpMethods.Put : HttpMethods.Get, key!, expires, maxBytes, signature);
    }

    private static bool TryNumber(IQueryCollection query, string name, out long value)
    {
        value = 0;
        return query[name] is [{ } text] && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
