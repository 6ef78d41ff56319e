namespace Woohakdong.Core.Storage;

/// <summary>An upload the store should accept: the key it will live under, its exact content type and largest size.</summary>
public sealed record UploadRequest(string Key, string ContentType, long MaxBytes);

/// <summary>
/// Where and how the client sends one object: a PUT to <see cref="Url"/> carrying exactly <see cref="Headers"/>
/// (the content type is part of the signature) before <see cref="ExpiresAt"/>.
/// </summary>
public sealed record UploadUrl(string Key, string Url, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);

public sealed record ObjectInfo(long Size, string ContentType);

public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);

/// <summary>
/// Object storage that clients write to directly through presigned URLs, so that image bytes never pass through
/// the application: S3 (or an S3-compatible store) in production, the app's own disk as the embedded default.
/// </summary>
public interface IObjectStorage
{
    Task<IReadOnlyList<UploadUrl>> CreateUploadUrlsAsync(IReadOnlyList<UploadRequest> uploads, TimeSpan expiry, CancellationToken ct = default);

    /// <summary>A presigned GET answered as <see cref="ImageResponse"/> says (as far as the store can).</summary>
    Task<string> CreateDownloadUrlAsync(string key, TimeSpan expiry, CancellationToken ct = default);

    /// <summary>The object's size and content type, or null when nothing was stored under the key.</summary>
    Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default);

    /// <summary>Up to <paramref name="count"/> bytes from the start of the object (fewer when it is shorter).</summary>
    Task<byte[]> ReadFirstBytesAsync(string key, int count, CancellationToken ct = default);

    /// <summary>
    /// Copies the object under <paramref name="sourceKey"/>, with its content type, to <paramref name="targetKey"/>
    /// (replacing what was there); false when there is no source object.
    /// </summary>
    Task<bool> CopyAsync(string sourceKey, string targetKey, CancellationToken ct = default);

    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Objects under <paramref name="prefix"/> last written before <paramref name="olderThan"/>.</summary>
    Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, DateTimeOffset olderThan, CancellationToken ct = default);
}
