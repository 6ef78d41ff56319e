using System.Net;
using System.Net.Http.Headers;
using Amazon.S3;
using Amazon.S3.Model;

namespace Woohakdong.Tests.Infrastructure;

public sealed class S3ServerTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private readonly AmazonS3Client s3 = TestS3.CreateClient();
    private readonly HttpClient http = new();

    [Fact]
    public async Task Bytes_put_through_a_presigned_url_come_back_from_the_bucket()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bucket = await TestS3.CreateBucketAsync(s3, cancellationToken);

        using var put = await PutPngAsync(await PresignPngPutAsync(bucket, "photo.png"), cancellationToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var stored = await s3.GetObjectAsync(bucket, "photo.png", cancellationToken);
        using var bytes = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(bytes, cancellationToken);
        Assert.Equal(Png, bytes.ToArray());
        Assert.Equal("image/png", stored.Headers.ContentType);
    }

    [Fact]
    public async Task A_presigned_url_with_a_tampered_signature_is_refused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var bucket = await TestS3.CreateBucketAsync(s3, cancellationToken);
        var url = await PresignPngPutAsync(bucket, "photo.png");

        using var put = await PutPngAsync(TamperSignature(url), cancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("SignatureDoesNotMatch", await put.Content.ReadAsStringAsync(cancellationToken));
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, cancellationToken);
        Assert.Empty(listing.S3Objects ?? []);
    }

    private Task<string> PresignPngPutAsync(string bucket, string key) => s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
    {
        BucketName = bucket,
        Key = key,
        Verb = HttpVerb.PUT,
        ContentType = "image/png",
        Protocol = Protocol.HTTP,
        Expires = DateTime.UtcNow.AddMinutes(5),
    });

    private async Task<HttpResponseMessage> PutPngAsync(string url, CancellationToken cancellationToken)
    {
        // The content type is part of the signature: it must be sent exactly as signed, without a charset.
        var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return await http.PutAsync(url, content, cancellationToken);
    }

    private static string TamperSignature(string url)
    {
        const string marker = "X-Amz-Signature=";
        var at = url.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        Assert.True(at > marker.Length, $"no signature in {url}");
        var replacement = url[at] == '0' ? '1' : '0';
        return string.Concat(url.AsSpan(0, at), replacement.ToString(), url.AsSpan(at + 1));
    }

    public void Dispose()
    {
        s3.Dispose();
        http.Dispose();
    }
}
