using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Storage;

/// <summary>
/// S3 or an S3-compatible store. A presigned PUT signs its content type, so the client must send exactly that one;
/// S3 cannot cap a presigned PUT's size, which is why <see cref="UploadVerifier"/> checks the size after upload.
/// </summary>
public sealed class S3ObjectStorage(S3Clients clients, IOptions<StorageOptions> options, TimeProvider time) : IObjectStorage
{
    private readonly S3StorageOptions settings = options.Value.S3;
    private readonly IAmazonS3 s3 = clients.Store;
    private string Bucket => settings.Bucket!;

    // The SDK writes https:// into presigned URLs even for an http:// ServiceURL unless told otherwise.
    private Protocol UrlProtocol =>
        (settings.PublicServiceUrl ?? settings.ServiceUrl)?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true
            ? Protocol.HTTP
            : Protocol.HTTPS;

    /// <summary>A client for <paramref name="serviceUrl"/> (null: AWS itself, by region).</summary>
    public static AmazonS3Client CreateClient(S3StorageOptions settings, string? serviceUrl)
    {
        var config = new AmazonS3Config
        {
            // Plain bodies: the SDK's default aws-chunked uploads with trailing checksums are refused by simpler stores.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(serviceUrl))
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        else
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = settings.Region;
            config.ForcePathStyle = true;
        }
        return new AmazonS3Client(config);
    }

    public async Task<IReadOnlyList<UploadUrl>> CreateUploadUrlsAsync(
        IReadOnlyList<UploadRequest> uploads, TimeSpan expiry, CancellationToken ct = default)
    {
        var expiresAt = time.GetUtcNow() + expiry;
        var urls = new List<UploadUrl>(uploads.Count);
        foreach (var upload in uploads)
        {
            var url = await clients.Signer.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = Bucket, Key = upload.Key, Verb = HttpVerb.PUT, ContentType = upload.ContentType,
                Protocol = UrlProtocol, Expires = expiresAt.UtcDateTime,
            });
            urls.Add(new UploadUrl(upload.Key, url, new Dictionary<string, string> { ["Content-Type"] = upload.ContentType }, expiresAt));
        }
        return urls;
    }

    /// <summary>
    /// The response headers ride in the signed URL as S3's <c>response-*</c> overrides. S3 has no override for
    /// <c>X-Content-Type-Options</c>: a CDN or proxy in front of the bucket must add <c>nosniff</c> (see README).
    /// </summary>
    public Task<string> CreateDownloadUrlAsync(string key, TimeSpan expiry, CancellationToken ct = default)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Bucket, Key = key, Verb = HttpVerb.GET, Protocol = UrlProtocol, Expires = (time.GetUtcNow() + expiry).UtcDateTime,
        };
        request.ResponseHeaderOverrides.ContentDisposition = ImageResponse.Disposition;
        request.ResponseHeaderOverrides.CacheControl = ImageResponse.CacheControl(expiry);
        if (ImageTypes.ContentTypeOfKey(key) is { } contentType) request.ResponseHeaderOverrides.ContentType = contentType;
        return clients.Signer.GetPreSignedURLAsync(request);
    }

    public async Task<ObjectInfo?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Bucket, key, ct);
            return new ObjectInfo(metadata.ContentLength, metadata.Headers.ContentType);
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>A ranged GET, so only these bytes leave the store.</summary>
    public async Task<byte[]> ReadFirstBytesAsync(string key, int count, CancellationToken ct = default)
    {
        try
        {
            using var response = await s3.GetObjectAsync(
                new GetObjectRequest { BucketName = Bucket, Key = key, ByteRange = new ByteRange(0, count - 1) }, ct);
            return await StreamBytes.ReadUpToAsync(response.ResponseStream, count, ct);
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // S3 answers a range of an empty object with 416: it has no first bytes.
            return [];
        }
    }

    /// <summary>A server-side copy: the bytes never leave the store.</summary>
    public async Task<bool> CopyAsync(string sourceKey, string targetKey, CancellationToken ct = default)
    {
        try
        {
            await s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = Bucket, SourceKey = sourceKey, DestinationBucket = Bucket, DestinationKey = targetKey,
            }, ct);
            return true;
        }
        catch (AmazonS3Exception error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default) => s3.DeleteObjectAsync(Bucket, key, ct);

    public async Task<IReadOnlyList<StoredObject>> ListAsync(string prefix, DateTimeOffset olderThan, CancellationToken ct = default)
    {
        var found = new List<StoredObject>();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, ct);
            found.AddRange((page.S3Objects ?? [])
                .Where(o => o.LastModified is { } modified && new DateTimeOffset(modified.ToUniversalTime()) < olderThan)
                .Select(o => new StoredObject(o.Key, o.Size ?? 0, new DateTimeOffset(o.LastModified!.Value.ToUniversalTime()))));
            request.ContinuationToken = page.NextContinuationToken;
        } while (page.IsTruncated == true);
        return found;
    }
}
