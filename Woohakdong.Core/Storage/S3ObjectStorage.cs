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

    public Task<string> CreateDownloadUrlAsync(string key, TimeSpan expiry, CancellationToken ct = default) =>
        clients.Signer.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket, Key = key, Verb = HttpVerb.GET, Protocol = UrlProtocol, Expires = (time.GetUtcNow() + expiry).UtcDateTime,
        });

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

    public async Task<byte[]> ReadFirstBytesAsync(string key, int count, CancellationToken ct = default)
    {
        using var response = await s3.GetObjectAsync(
            new GetObjectRequest { BucketName = Bucket, Key = key, ByteRange = new ByteRange(0, count - 1) }, ct);
        return await StreamBytes.ReadUpToAsync(response.ResponseStream, count, ct);
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
