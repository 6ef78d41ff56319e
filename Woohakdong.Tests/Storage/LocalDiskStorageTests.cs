using System.Net;
using System.Net.Http.Headers;

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

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withUploadSignature.StatusCode);
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
