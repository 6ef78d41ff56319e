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

    /// <summary>True when the signature matches these exact values and has not expired.</summary>
    public bool IsValid(string method, string key, string contentType, long maxBytes, long expires, string? signature)
    {
        if (signature is null || time.GetUtcNow().ToUnixTimeSeconds() > expires) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(method, key, contentType, maxBytes, expires));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

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
