using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

public sealed partial class ImagesApiTests(LocalDiskStorageApp app) : IClassFixture<LocalDiskStorageApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_gets_one_signed_url_per_image_under_the_club_prefix()
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);

        using var response = await officer.Client.GetAsync(
            $"/v1/utils/images/urls?clubId={clubId}&imageCount=2&contentType=image/png&contentType=image/webp", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urls = (await response.Content.ReadFromJsonAsync<StorageTestKit.IssuedUrl[]>(Ct))!;
        Assert.Equal(["png", "webp"], urls.Select(u => u.Key.Split('.')[^1]));
        Assert.All(urls, url => Assert.Matches(ItemKey(clubId), url.Key));
        Assert.Equal(["image/png", "image/webp"], urls.Select(u => u.Headers["Content-Type"]));
        Assert.All(urls, url => Assert.InRange(url.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6)));
    }

    [Theory]
    [InlineData(ClubRole.Member)]
    [InlineData(null)]
    public async Task A_member_or_a_non_member_cannot_get_upload_urls(ClubRole? role)
    {
        var (clubId, caller) = await ClubWithAsync(role);

        using var response = await caller.Client.GetAsync($"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType=image/png", Ct);

        Assert.Equal(ErrorCodes.Forbidden, await response.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task Eleven_images_are_refused()
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);

        using var response = await officer.Client.GetAsync($"/v1/utils/images/urls?clubId={clubId}&imageCount=11&contentType=image/png", Ct);

        Assert.Equal(ErrorCodes.ImageCountInvalid, await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/svg+xml")]
    public async Task A_non_image_type_is_refused(string contentType)
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);

        using var response = await officer.Client.GetAsync(
            $"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType={Uri.EscapeDataString(contentType)}", Ct);

        Assert.Equal(ErrorCodes.ImageTypeNotAllowed, await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("9223372036854775808")]
    public async Task A_return_photo_url_for_an_item_id_that_is_no_id_is_a_400(string itemId)
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);

        using var response = await officer.Client.GetAsync(
            $"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType=image/png&itemId={itemId}", Ct);

        Assert.Equal(ErrorCodes.InvalidInput, await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_return_photo_url_for_an_item_that_does_not_exist_is_refused()
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);

        using var response = await officer.Client.GetAsync(
            $"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType=image/png&itemId=987654", Ct);

        Assert.Equal(ErrorCodes.ItemNotFound, await response.ProblemCodeAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Outstanding_upload_urls_are_capped_per_user_and_club()
    {
        var (clubId, officer) = await ClubWithAsync(ClubRole.Officer);
        var otherClubId = (await officer.CreateClubAsync($"ot{Guid.NewGuid():N}"[..12])).Id;
        var urls = $"/v1/utils/images/urls?clubId={clubId}&imageCount=10&contentType=image/png";

        using var first = await officer.Client.GetAsync(urls, Ct);
        using var second = await officer.Client.GetAsync(urls, Ct);
        using var beyond = await officer.Client.GetAsync($"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType=image/png", Ct);
        using var elsewhere = await officer.Client.GetAsync($"/v1/utils/images/urls?clubId={otherClubId}&imageCount=1&contentType=image/png", Ct);

        Assert.Equal(20, ImageUploadService.MaxOutstanding);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(ErrorCodes.UploadLimitReached, await beyond.ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    private async Task<(long ClubId, ApiAccounts.SignedIn Caller)> ClubWithAsync(ClubRole? role)
    {
        var president = await app.SignUpAsync();
        var clubId = (await president.CreateClubAsync($"im{Guid.NewGuid():N}"[..12])).Id;
        var caller = await app.SignUpAsync();
        if (role is { } granted) await app.GrantRoleAsync(caller, clubId, granted);
        return (clubId, caller);
    }

    private static Regex ItemKey(long clubId) => new($@"^clubs/{clubId}/uploads/\d{{4}}/\d{{2}}/[0-9a-f]{{32}}\.[a-z]+$");
}
