using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Browser;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Storage;

namespace Woohakdong.Tests.Security;

/// <summary>
/// On S3, an app page PUTs to a presigned URL and shows the stored image through a presigned GET, as the uploader and
/// the item pages do: the Content-Security-Policy must let the page reach the bucket's origin (BrowserFixture fails the
/// test on any violation).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ObjectStoreUnderPolicyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly S3StorageApp app = new();
    private Uri baseAddress = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        await app.PrepareAsync(Ct);
        using var s3 = TestS3.CreateClient();
        await s3.PutCORSConfigurationAsync(new PutCORSConfigurationRequest
        {
            BucketName = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.S3.Bucket,
            Configuration = new CORSConfiguration
            {
                Rules = [new CORSRule { AllowedOrigins = [baseAddress.GetLeftPart(UriPartial.Authority)], AllowedMethods = ["PUT", "GET"], AllowedHeaders = ["*"] }],
            },
        }, Ct);
    }

    [Fact]
    public async Task A_page_puts_an_image_to_the_bucket_and_shows_it_from_there()
    {
        var storage = app.Services.GetRequiredService<IObjectStorage>();
        var png = PngFiles.Noise(8, 8, seed: 11);
        var key = $"clubs/1/uploads/{Guid.NewGuid():N}.png";
        var upload = (await storage.CreateUploadUrlsAsync([new UploadRequest(key, "image/png", png.Length)], TimeSpan.FromMinutes(5), Ct)).Single();
        var page = await browser.NewPageAsync(baseAddress);
        await page.OpenAsync("/");
        await page.WaitForInteractiveAsync();

        var status = await page.EvaluateAsync<int>("""
            async ([url, headers, bytes]) => (await fetch(url, { method: "PUT", headers, body: new Uint8Array(bytes) })).status
            """, new object[] { upload.Url, upload.Headers, png.Select(b => (int)b).ToArray() });
        var shown = await page.EvaluateAsync<bool>("""
            url => new Promise(done => { const image = new Image(); image.onload = () => done(true); image.onerror = () => done(false); image.src = url; })
            """, await storage.CreateDownloadUrlAsync(key, TimeSpan.FromMinutes(5), Ct));

        Assert.Equal(200, status);
        Assert.True(shown);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
