using System.Net;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

/// <summary>
/// Inside a private network the app reaches the store under one name and browsers under another: upload URLs must be
/// signed for the browsers' name, or the store refuses them (the signature covers the host).
/// </summary>
public sealed class S3PublicAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_urls_name_the_public_address_and_the_store_accepts_them_there()
    {
        using var admin = TestS3.CreateClient();
        var bucket = await TestS3.CreateBucketAsync(admin, Ct);
        var internalUrl = new Uri(TestServices.S3ServiceUrl);
        var publicUrl = $"http://localhost:{internalUrl.Port}";
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", TestS3.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", TestS3.SecretKey);
        var options = Options.Create(new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = { Bucket = bucket, Region = TestS3.Region, ServiceUrl = TestServices.S3ServiceUrl, PublicServiceUrl = publicUrl },
        });
        using var clients = S3Clients.Create(options.Value.S3);
        var storage = new S3ObjectStorage(clients, options, TimeProvider.System);

        var upload = (await storage.CreateUploadUrlsAsync([new UploadRequest("clubs/1/items/a.png", "image/png", 1024)], TimeSpan.FromMinutes(5), Ct)).Single();
        using var http = new HttpClient();
        using var put = await http.PutAsync(upload.Url, StorageTestKit.Png, "image/png");

        Assert.StartsWith($"{publicUrl}/{bucket}/clubs/1/items/a.png?", upload.Url);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(new ObjectInfo(StorageTestKit.Png.Length, "image/png"), await storage.GetInfoAsync(upload.Key, Ct));
    }
}
