using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Storage;
using static Woohakdong.Tests.Storage.StorageTestKit;

namespace Woohakdong.Tests.Items;

/// <summary>Registering, lending and returning items over /v1 with real uploads, once per store.</summary>
public abstract class ItemUploadFlowTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : StorageApp
{
    private static readonly byte[] OtherPng = TestImages.Png(5, 5, shade: 200);
    private static readonly byte[] Html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
    protected TApp App { get; } = app;
    private ApiAccounts.SignedIn president = null!;
    private ApiAccounts.SignedIn officer = null!;
    private ApiAccounts.SignedIn member = null!;
    private long clubId;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What registration answers for an 11 MB image, which each store stops at a different point.</summary>
    protected abstract string ElevenMegabyteRefusal { get; }

    public async ValueTask InitializeAsync()
    {
        await App.PrepareAsync(Ct);
        president = await App.SignUpAsync();
        clubId = (await president.CreateClubAsync($"it{Guid.NewGuid():N}"[..12])).Id;
        officer = await App.SignUpAsync();
        await App.GrantRoleAsync(officer, clubId, ClubRole.Officer);
        member = await App.SignUpAsync();
        await App.GrantRoleAsync(member, clubId, ClubRole.Member);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task An_officer_registers_an_item_whose_images_download_from_storage()
    {
        var first = await App.UploadAsync(officer, clubId, Png);
        var second = await App.UploadAsync(officer, clubId, OtherPng);

        using var created = await officer.RegisterAsync(clubId, first, second);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = (await created.Content.ReadFromJsonAsync<ItemDetail>(Ct))!;
        Assert.Equal($"/v1/clubs/{clubId}/items/{item.Id}", created.Headers.Location?.OriginalString);
        Assert.All(item.Images, image => Assert.StartsWith(UploadKeys.ImagePrefix(clubId), image.Key));
        Assert.Equal(ItemStatus.Available, item.Status);
        var detail = (await member.Client.GetFromJsonAsync<ItemDetail>($"/v1/clubs/{clubId}/items/{item.Id}", Ct))!;
        Assert.Equal(OtherPng, await App.ObjectClient.GetByteArrayAsync(detail.Images[1].Url, Ct));
        var listed = (await member.Client.GetFromJsonAsync<ItemSummary[]>($"/v1/clubs/{clubId}/items?category=SPORT&status=AVAILABLE&q=텐트", Ct))!;
        Assert.Equal(Png, await App.ObjectClient.GetByteArrayAsync(Assert.Single(listed).ThumbnailUrl, Ct));
    }

    [Fact]
    public async Task A_put_repeated_after_registration_cannot_change_the_items_image()
    {
        var url = await App.UploadToUrlAsync(officer, clubId, Png);
        using var created = await officer.RegisterAsync(clubId, url.Key);
        var itemId = (await created.Content.ReadFromJsonAsync<ItemDetail>(Ct))!.Id;

        using var asHtml = await App.ObjectClient.PutAsync(url.Url, Html, "image/png");
        using var asElevenMegabytes = await App.ObjectClient.PutAsync(url.Url, [.. Png, .. new byte[11 * 1024 * 1024]], "image/png");

        var detail = (await member.Client.GetFromJsonAsync<ItemDetail>($"/v1/clubs/{clubId}/items/{itemId}", Ct))!;
        Assert.Equal(Png, await App.ObjectClient.GetByteArrayAsync(Assert.Single(detail.Images).Url, Ct));
        using var again = await officer.RegisterAsync(clubId, url.Key);
        await again.AssertRefusedNamingAsync(ErrorCodes.ImageAlreadyAttached, url.Key);
    }

    [Fact]
    public async Task An_empty_upload_is_refused_and_nothing_is_saved() =>
        await AssertRegistrationRefusedAsync(await App.UploadAsync(officer, clubId, []), ErrorCodes.ImageContentMismatch);

    [Fact]
    public async Task A_key_issued_for_another_club_is_refused_and_nothing_is_saved()
    {
        var otherClub = (await officer.CreateClubAsync($"ot{Guid.NewGuid():N}"[..12])).Id;
        await AssertRegistrationRefusedAsync(await App.UploadAsync(officer, otherClub, Png), ErrorCodes.ImageNotIssued);
    }

    [Fact]
    public async Task A_key_never_issued_is_refused_and_nothing_is_saved()
    {
        var key = $"{UploadKeys.ClubPrefix(clubId)}items/2026/11/{Guid.NewGuid():N}.png";
        var url = (await App.Storage().CreateUploadUrlsAsync([new UploadRequest(key, "image/png", ImageTypes.MaxBytes)], TimeSpan.FromMinutes(1), Ct)).Single();
        using var put = await App.ObjectClient.PutAsync(url.Url, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await AssertRegistrationRefusedAsync(key, ErrorCodes.ImageNotIssued);
    }

    [Fact]
    public async Task A_key_issued_to_another_officer_is_refused_and_nothing_is_saved() =>
        await AssertRegistrationRefusedAsync(await App.UploadAsync(president, clubId, Png), ErrorCodes.ImageNotIssued);

    [Fact]
    public async Task An_11_MB_image_is_refused_and_nothing_is_saved() =>
        await AssertRegistrationRefusedAsync(await App.UploadAsync(officer, clubId, [.. Png, .. new byte[11 * 1024 * 1024]]), ElevenMegabyteRefusal);

    [Fact]
    public async Task A_png_that_is_really_text_is_refused_and_nothing_is_saved() =>
        await AssertRegistrationRefusedAsync(await App.UploadAsync(officer, clubId, "not an image, just text"u8.ToArray()), ErrorCodes.ImageContentMismatch);

    [Fact]
    public async Task A_key_never_uploaded_is_refused_and_nothing_is_saved() =>
        await AssertRegistrationRefusedAsync((await officer.RequestUrlsAsync(clubId, 1, "image/webp")).Single().Key, ErrorCodes.ImageNotUploaded);

    [Fact]
    public async Task A_key_already_attached_to_another_item_is_refused()
    {
        var key = await App.UploadAsync(officer, clubId, Png);
        using var first = await officer.RegisterAsync(clubId, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await AssertRegistrationRefusedAsync(key, ErrorCodes.ImageAlreadyAttached, itemsBefore: 1);
    }

    [Fact]
    public async Task A_member_borrows_and_returns_with_a_photo_while_others_are_refused()
    {
        using var created = await officer.RegisterAsync(clubId, await App.UploadAsync(officer, clubId, Png));
        var itemId = (await created.Content.ReadFromJsonAsync<ItemDetail>(Ct))!.Id;
        var otherMember = await App.SignUpAsync();
        await App.GrantRoleAsync(otherMember, clubId, ClubRole.Member);
        var outsider = await App.SignUpAsync();
        var photoUrl = $"/v1/utils/images/urls?clubId={clubId}&imageCount=1&contentType=image/jpeg&itemId={itemId}";

        using var borrowed = await member.Client.PostAsync($"/v1/clubs/{clubId}/items/{itemId}/borrow", null, Ct);
        using var taken = await otherMember.Client.PostAsync($"/v1/clubs/{clubId}/items/{itemId}/borrow", null, Ct);
        using var outsiderBorrows = await outsider.Client.PostAsync($"/v1/clubs/{clubId}/items/{itemId}/borrow", null, Ct);
        using var outsiderList = await outsider.Client.GetAsync($"/v1/clubs/{clubId}/items", Ct);
        using var otherMemberPhoto = await otherMember.Client.GetAsync(photoUrl, Ct);
        using var outsiderPhoto = await outsider.Client.GetAsync(photoUrl, Ct);
        using var memberRegisters = await member.RegisterAsync(clubId, "clubs/x.png");
        var photo = (await member.Client.GetFromJsonAsync<IssuedUrl[]>(photoUrl, Ct))!.Single();
        var jpeg = TestImages.Jpeg();
        using var put = await App.ObjectClient.PutAsync(photo.Url, jpeg, "image/jpeg");
        using var returned = await member.Client.PostAsJsonAsync($"/v1/clubs/{clubId}/items/{itemId}/return", new { imageKey = photo.Key }, Ct);
        using var replaced = await App.ObjectClient.PutAsync(photo.Url, Html, "image/jpeg");

        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        Assert.Equal(ErrorCodes.ItemOnLoan, await taken.ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(ErrorCodes.Forbidden, await outsiderBorrows.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(ErrorCodes.Forbidden, await outsiderList.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(ErrorCodes.Forbidden, await otherMemberPhoto.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(ErrorCodes.Forbidden, await outsiderPhoto.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(ErrorCodes.Forbidden, await memberRegisters.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var detail = (await member.Client.GetFromJsonAsync<ItemDetail>($"/v1/clubs/{clubId}/items/{itemId}", Ct))!;
        var loan = Assert.Single(detail.Loans);
        Assert.NotNull(loan.ReturnedAt);
        Assert.Equal(jpeg, await App.ObjectClient.GetByteArrayAsync(loan.ReturnPhotoUrl, Ct));
        Assert.Equal(ItemStatus.Available, detail.Status);
    }

    [Fact]
    public async Task Editing_keeps_reorders_adds_and_drops_images_and_deleting_hides_the_item()
    {
        var (first, second, third) = (await App.UploadAsync(officer, clubId, Png), await App.UploadAsync(officer, clubId, Png), await App.UploadAsync(officer, clubId, OtherPng));
        using var created = await officer.RegisterAsync(clubId, first, second);
        var itemId = (await created.Content.ReadFromJsonAsync<ItemDetail>(Ct))!.Id;

        using var edited = await officer.Client.PutAsJsonAsync($"/v1/clubs/{clubId}/items/{itemId}",
            new { name = "캠핑 텐트 (2인용)", category = "ETC", description = "", location = "창고", maxLoanDays = 3, imageKeys = new[] { third, second } }, Ct);
        using var memberDeletes = await member.Client.DeleteAsync($"/v1/clubs/{clubId}/items/{itemId}", Ct);
        using var deleted = await officer.Client.DeleteAsync($"/v1/clubs/{clubId}/items/{itemId}", Ct);
        using var afterDelete = await member.Client.GetAsync($"/v1/clubs/{clubId}/items/{itemId}", Ct);

        var item = (await edited.Content.ReadFromJsonAsync<ItemDetail>(Ct))!;
        Assert.Equal(("캠핑 텐트 (2인용)", ItemCategory.Etc, 3), (item.Name, item.Category, item.MaxLoanDays));
        Assert.Equal(2, item.Images.Count);
        Assert.Equal(OtherPng, await App.ObjectClient.GetByteArrayAsync(item.Images[0].Url, Ct));
        Assert.Equal(Png, await App.ObjectClient.GetByteArrayAsync(item.Images[1].Url, Ct));
        Assert.Equal(ErrorCodes.Forbidden, await memberDeletes.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(ErrorCodes.ItemNotFound, await afterDelete.ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Empty((await member.Client.GetFromJsonAsync<ItemSummary[]>($"/v1/clubs/{clubId}/items", Ct))!);
        Assert.Equal((1, 2), await App.RowsAsync(clubId, first, second, third));
    }

    /// <summary>A good image beside the bad one: the refusal names the bad key, and neither the item nor the good image is saved.</summary>
    private async Task AssertRegistrationRefusedAsync(string badKey, string code, int itemsBefore = 0)
    {
        var goodKey = await App.UploadAsync(officer, clubId, Png);

        using var response = await officer.RegisterAsync(clubId, goodKey, badKey);

        await response.AssertRefusedNamingAsync(code, badKey);
        Assert.Equal((itemsBefore, itemsBefore), await App.RowsAsync(clubId, goodKey, badKey));
    }
}

public sealed class LocalDiskItemUploadFlowTests(LocalDiskStorageApp app) : ItemUploadFlowTests<LocalDiskStorageApp>(app)
{
    /// <summary>The local store stops the PUT itself, so nothing was stored under the key.</summary>
    protected override string ElevenMegabyteRefusal => ErrorCodes.ImageNotUploaded;
}

public sealed class S3ItemUploadFlowTests(S3StorageApp app) : ItemUploadFlowTests<S3StorageApp>(app)
{
    /// <summary>A presigned S3 PUT cannot cap its size: the object is stored and the verifier refuses it.</summary>
    protected override string ElevenMegabyteRefusal => ErrorCodes.ImageTooLarge;
}
