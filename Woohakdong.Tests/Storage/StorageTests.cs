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
        await App.VerifyAsync(Officer, ClubId, url.Key);
        Assert.Equal(new ObjectInfo(Png.Length, "image/png"), await App.Storage().GetInfoAsync(url.Key, Ct));
        var download = await App.Storage().CreateDownloadUrlAsync(url.Key, TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(Png, await App.ObjectClient.GetByteArrayAsync(download, Ct));
    }

    [Fact]
    public async Task An_expired_upload_url_is_refused()
    {
        var key = $"clubs/{ClubId}/items/expired-{Guid.NewGuid():N}.png";
        var url = (await App.Storage().CreateUploadUrlsAsync([new UploadRequest(key, "image/png", ImageTypes.MaxBytes)], TimeSpan.FromSeconds(1), Ct)).Single();
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

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

    protected static byte[] ElevenMegabytePng() => [.. Png, .. new byte[11 * 1024 * 1024]];
}
