using System.Net;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

public sealed class S3StorageTests(S3StorageApp app) : StorageTests<S3StorageApp>(app)
{
    /// <summary>A presigned PUT cannot cap its size, so S3 takes the bytes and the verifier refuses them.</summary>
    [Fact]
    public async Task An_11_MB_upload_is_refused_by_the_verifier()
    {
        var url = (await Officer.RequestUrlsAsync(ClubId, 1, "image/png")).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, ElevenMegabytePng(), "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageTooLarge, () => App.VerifyAsync(Officer, ClubId, url.Key));

        Assert.Equal(url.Key, error.Field);
    }
}
