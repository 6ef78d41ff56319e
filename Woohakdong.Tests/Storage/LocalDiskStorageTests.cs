using System.Net;
using System.Net.Http.Headers;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

public sealed class LocalDiskStorageTests(LocalDiskStorageApp app) : StorageTests<LocalDiskStorageApp>(app)
{
    [Fact]
    public async Task An_11_MB_upload_announced_by_its_length_is_refused()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();

        using var put = await App.ObjectClient.PutAsync(url.Url, ElevenMegabytePng(), "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
    }

    [Fact]
    public async Task An_11_MB_upload_without_a_length_is_cut_off_while_streaming()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        var content = new UnsizedContent(ElevenMegabytePng());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var put = await App.ObjectClient.PutAsync(url.Url, content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
    }

    [Fact]
    public async Task A_download_url_is_needed_to_read_an_object()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, StorageTestKit.Png, "image/png");

        using var unsigned = await App.ObjectClient.GetAsync($"/objects/{url.Key}", Ct);
        using var withUploadSignature = await App.ObjectClient.GetAsync(url.Url, Ct);

        Assert.Equal(ErrorCodes.ObjectUrlMalformed, await unsigned.ProblemCodeAsync(HttpStatusCode.BadRequest));
        Assert.Equal(ErrorCodes.ObjectSignatureInvalid, await withUploadSignature.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task A_download_is_never_sniffed_into_another_type()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, StorageTestKit.Png, "image/png");
        var image = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));

        using var response = await App.ObjectClient.GetAsync(await App.Storage().CreateDownloadUrlAsync(image.Key, TimeSpan.FromMinutes(1), Ct), Ct);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>Anonymous requests whose query or key is no signed URL: refused as such, never a server error.</summary>
    [Theory]
    [InlineData("PUT", "/objects/x.png?expires=abc&max=1&sig=x")]
    [InlineData("PUT", "/objects/x.png?expires=1&max=abc&sig=x")]
    [InlineData("PUT", "/objects/x.png?expires=18446744073709551616&max=1&sig=x")]
    [InlineData("PUT", "/objects/x.png?expires=1&expires=2&max=1&sig=x")]
    [InlineData("PUT", "/objects/x.png?expires=-1&max=1&sig=x")]
    [InlineData("PUT", "/objects/x.png?expires=1&sig=x")]
    [InlineData("PUT", "/objects/")]
    [InlineData("PUT", "/objects/a//b.png?expires=1&max=1&sig=x")]
    [InlineData("GET", "/objects/x.png?expires=abc")]
    [InlineData("GET", "/objects/x.png?expires=1")]
    [InlineData("GET", "/objects")]
    [InlineData("GET", "/objects/")]
    public async Task A_malformed_object_request_is_a_400_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT") request.Content = new ByteArrayContent(StorageTestKit.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } };

        using var response = await App.ObjectClient.SendAsync(request, Ct);

        Assert.Equal(ErrorCodes.ObjectUrlMalformed, await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    /// <summary>A body sent chunked, without Content-Length, as a streaming client would.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
