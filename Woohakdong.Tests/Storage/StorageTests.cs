using System.Net;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;
using static Woohakdong.Tests.Storage.StorageTestKit;

namespace Woohakdong.Tests.Storage;

/// <summary>The upload flow, run once against the S3-compatible server and once against LocalDisk.</summary>
public abstract class StorageTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : StorageApp
{
    protected TApp App { get; } = app;
    protected ApiAccounts.SignedIn President { get; private set; } = null!;
    protected ApiAccounts.SignedIn Officer { get; private set; } = null!;
    protected long ClubId { get; private set; }
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await App.PrepareAsync(Ct);
        President = await App.SignUpAsync();
        ClubId = (await President.CreateClubAsync($"st{Guid.NewGuid():N}"[..12])).Id;
        Officer = await App.SignUpAsync();
        await App.GrantRoleAsync(Officer, ClubId, ClubRole.Officer);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_uploaded_image_passes_verification_and_downloads_through_a_signed_url()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();

        using var put = await App.ObjectClient.PutAsync(url.Url, Png, url.Headers["Content-Type"]);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var image = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));
        Assert.Equal(url.Key, image.UploadKey);
        Assert.StartsWith(UploadKeys.ImagePrefix(ClubId), image.Key);
        Assert.Equal(new ObjectInfo(Png.Length, "image/png"), await App.Storage().GetInfoAsync(image.Key, Ct));
        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
        Assert.Equal(Png, await DownloadAsync(image.Key));
    }

    [Fact]
    public async Task After_verification_a_second_put_to_the_upload_url_cannot_change_the_image()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        var image = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));

        using var replaced = await App.ObjectClient.PutAsync(url.Url, "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png");
        var again = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(image, again);
        Assert.Equal(Png, await DownloadAsync(image.Key));
    }

    [Fact]
    public async Task Two_verifications_of_one_upload_at_once_agree_on_one_copy()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");

        var both = await Task.WhenAll(Task.Run(() => App.VerifyAsync(Officer, ClubId, url.Key), Ct), Task.Run(() => App.VerifyAsync(Officer, ClubId, url.Key), Ct));

        Assert.Equal(both[0], both[1]);
        Assert.Equal(Png, await DownloadAsync(both[0].Single().Key));
    }

    [Fact]
    public async Task An_empty_upload_is_refused_naming_it()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, [], "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageContentMismatch, () => App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(url.Key, error.Field);
    }

    public static TheoryData<string, string, byte[]> Refused => new()
    {
        { "a PNG cut off inside its header", "image/png", TestImages.Png()[..40] },
        { "a PNG sent as a JPEG", "image/jpeg", TestImages.Png() },
        { "a JPEG sent as a WebP", "image/webp", TestImages.Jpeg() },
        { "a WebP sent as a PNG", "image/png", TestImages.Webp() },
        { "an HTML page", "image/png", "<!DOCTYPE html><html><body>hi</body></html>"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_whose_header_is_no_image_of_its_type_is_refused(string _, string contentType, byte[] bytes) =>
        await AssertRefusedAsync(contentType, bytes, ErrorCodes.ImageContentMismatch);

    [Theory]
    [InlineData(50_000, 50_000)]
    [InlineData(10_001, 10)]
    [InlineData(8_000, 7_000)]
    public async Task An_image_with_absurd_dimensions_is_refused(int width, int height) =>
        await AssertRefusedAsync("image/jpeg", TestImages.JpegClaiming(width, height), ErrorCodes.ImageDimensionsTooLarge);

    public static TheoryData<string, byte[]> Accepted => new()
    {
        { "image/png", TestImages.Png(300, 200) },
        { "image/jpeg", TestImages.JpegClaiming(10_000, 5_000) },
        { "image/webp", TestImages.Webp(300, 200) },
        { "image/gif", TestImages.Gif() },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Every_allowed_type_within_the_limits_is_accepted(string contentType, byte[] bytes)
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, contentType)).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, bytes, contentType);

        var image = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(bytes, await DownloadAsync(image.Key));
    }

    [Fact]
    public async Task A_download_is_shown_inline_as_its_type_and_cached_only_privately()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        var image = Assert.Single(await App.VerifyAsync(Officer, ClubId, url.Key));

        using var response = await App.ObjectClient.GetAsync(await App.Storage().CreateDownloadUrlAsync(image.Key, TimeSpan.FromMinutes(10), Ct), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge: { } maxAge } && maxAge > TimeSpan.FromMinutes(9), $"{response.Headers.CacheControl}");
    }

    [Fact]
    public async Task An_expired_upload_url_is_refused()
    {
        var key = $"clubs/{ClubId}/items/expired-{Guid.NewGuid():N}.png";
        var url = (await App.Storage().CreateUploadUrlsAsync([new UploadRequest(key, "image/png", ImageTypes.MaxBytes)], TimeSpan.FromSeconds(1), Ct)).Single();
        // The store compares with the wall clock, to the second: the state to wait for is a clock past the expiry.
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow > url.ExpiresAt.AddSeconds(1.5), "the upload URL expired", Ct);

        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(key, Ct));
    }

    [Fact]
    public async Task An_upload_url_with_a_tampered_signature_is_refused()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();

        using var put = await App.ObjectClient.PutAsync(TamperSignature(url.Url), Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
    }

    [Fact]
    public async Task An_upload_url_with_a_tampered_key_is_refused()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        var otherKey = url.Key.Replace(".png", "0.png");

        using var put = await App.ObjectClient.PutAsync(url.Url.Replace(".png", "0.png"), Png, "image/png");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(otherKey, Ct));
    }

    [Fact]
    public async Task A_put_with_another_content_type_than_signed_is_refused()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();

        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/jpeg");

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
    }

    [Fact]
    public async Task A_png_that_is_really_text_is_refused_by_the_verifier_naming_it()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, "this is not an image at all"u8.ToArray(), "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageContentMismatch, () => App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(url.Key, error.Field);
    }

    [Fact]
    public async Task A_key_issued_for_another_club_is_refused()
    {
        var otherClubId = (await Officer.CreateClubAsync($"ot{Guid.NewGuid():N}"[..12])).Id;
        var url = (await Officer.RequestUrlsAsync(otherClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageNotIssued, () => App.VerifyAsync(Officer, ClubId, url.Key));
    }

    [Fact]
    public async Task A_key_issued_to_another_user_is_refused()
    {
        var url = (await President.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageNotIssued, () => App.VerifyAsync(Officer, ClubId, url.Key));
    }

    [Fact]
    public async Task An_object_under_the_club_prefix_that_was_never_issued_is_refused()
    {
        var key = $"clubs/{ClubId}/items/2026/04/{Guid.NewGuid():N}.png";
        var url = (await App.Storage().CreateUploadUrlsAsync([new UploadRequest(key, "image/png", ImageTypes.MaxBytes)], TimeSpan.FromMinutes(1), Ct)).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageNotIssued, () => App.VerifyAsync(Officer, ClubId, key));
    }

    [Fact]
    public async Task An_issued_key_that_was_never_uploaded_is_refused()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/gif")).Single();

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageNotUploaded, () => App.VerifyAsync(Officer, ClubId, url.Key));
    }

    [Fact]
    public async Task Objects_are_listed_by_prefix_and_age_and_deleted()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        var prefix = UploadKeys.ClubPrefix(ClubId);

        Assert.Empty(await App.Storage().ListAsync(prefix, DateTimeOffset.UtcNow.AddHours(-1), Ct));
        Assert.Equal([url.Key], (await App.Storage().ListAsync(prefix, DateTimeOffset.UtcNow.AddMinutes(1), Ct)).Select(o => o.Key));

        await App.Storage().DeleteAsync(url.Key, Ct);

        Assert.Null(await App.Storage().GetInfoAsync(url.Key, Ct));
    }

    [Fact]
    public async Task Health_reports_the_storage_as_healthy()
    {
        using var response = await App.CreateClient().GetAsync("/health", Ct);

        Assert.Contains("\"storage\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task AssertRefusedAsync(string contentType, byte[] bytes, string code)
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, contentType)).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, bytes, contentType);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, code, () => App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(url.Key, error.Field);
        var imageKey = UploadKeys.ImagePrefix(ClubId) + url.Key[UploadKeys.UploadPrefix(ClubId).Length..];
        Assert.Null(await App.Storage().GetInfoAsync(imageKey, Ct));
    }

    protected async Task<byte[]> DownloadAsync(string key) =>
        await App.ObjectClient.GetByteArrayAsync(await App.Storage().CreateDownloadUrlAsync(key, TimeSpan.FromMinutes(1), Ct), Ct);

    protected static byte[] ElevenMegabytePng() => [.. Png, .. new byte[11 * 1024 * 1024]];
}
