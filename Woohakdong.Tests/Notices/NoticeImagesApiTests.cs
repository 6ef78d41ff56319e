using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Items;
using Woohakdong.Tests.Storage;
using static Woohakdong.Tests.Storage.StorageTestKit;

namespace Woohakdong.Tests.Notices;

/// <summary>Notice images over /v1 with real uploads: the upload flow items use, and refusals for keys that are not the notice's.</summary>
public sealed class NoticeImagesApiTests(LocalDiskStorageApp app) : IClassFixture<LocalDiskStorageApp>, IAsyncLifetime
{
    private ApiAccounts.SignedIn officer = null!;
    private ApiAccounts.SignedIn member = null!;
    private ApiAccounts.SignedIn otherOfficer = null!;
    private long clubId;
    private long otherClubId;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var president = await app.SignUpAsync();
        clubId = (await president.CreateClubAsync($"ni{Guid.NewGuid():N}"[..12])).Id;
        officer = await app.SignUpAsync();
        await app.GrantRoleAsync(officer, clubId, ClubRole.Officer);
        member = await app.SignUpAsync();
        await app.GrantRoleAsync(member, clubId, ClubRole.Member);
        var otherPresident = await app.SignUpAsync();
        otherClubId = (await otherPresident.CreateClubAsync($"no{Guid.NewGuid():N}"[..12])).Id;
        otherOfficer = await app.SignUpAsync();
        await app.GrantRoleAsync(otherOfficer, otherClubId, ClubRole.Officer);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<HttpResponseMessage> PostAsync(ApiAccounts.SignedIn caller, string body, bool pinned = false) =>
        caller.Client.PostAsJsonAsync($"/v1/clubs/{clubId}/notices", new { title = "포스터", body, audience = "MEMBERS", pinned }, Ct);

    [Fact]
    public async Task An_officer_posts_a_notice_with_an_uploaded_image_that_members_load_from_storage()
    {
        var upload = await app.UploadAsync(officer, clubId, Png);

        using var created = await PostAsync(officer, $"이번 주 포스터입니다.\n\n![포스터]({upload})", pinned: true);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var notice = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var body = notice.GetProperty("body").GetString()!;
        Assert.DoesNotContain(upload, body);
        Assert.Contains($"]({UploadKeys.ImagePrefix(clubId)}", body);
        Assert.Equal(0, notice.GetProperty("readCount").GetInt32());
        var read = await member.Client.GetFromJsonAsync<JsonElement>($"/v1/notices/{notice.GetProperty("noticeId").GetInt64()}", Ct);
        Assert.False(read.TryGetProperty("readCount", out var count) && count.ValueKind != JsonValueKind.Null);
        var src = System.Text.RegularExpressions.Regex.Match(read.GetProperty("html").GetString()!, "src=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(Png, await app.ObjectClient.GetByteArrayAsync(WebUtility.HtmlDecode(src), Ct));
    }

    [Fact]
    public async Task An_upload_key_of_another_club_is_refused_and_nothing_is_saved()
    {
        var foreign = await app.UploadAsync(otherOfficer, otherClubId, Png);

        using var refused = await PostAsync(officer, $"![남의 이미지]({foreign})");

        await refused.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ImageNotIssued, foreign);
        Assert.Empty(await member.Client.GetFromJsonAsync<JsonElement[]>($"/v1/clubs/{clubId}/notices", Ct) ?? []);
    }

    [Fact]
    public async Task Another_officers_upload_and_another_notices_image_are_refused()
    {
        var colleague = await app.SignUpAsync();
        await app.GrantRoleAsync(colleague, clubId, ClubRole.Officer);
        var theirs = await app.UploadAsync(colleague, clubId, Png);
        using var first = await PostAsync(officer, $"![첫 공지]({await app.UploadAsync(officer, clubId, Png)})");
        var usedKey = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("body").GetString()!.Split('(', ')')[1];

        using var withTheirs = await PostAsync(officer, $"![동료 업로드]({theirs})");
        using var withUsed = await PostAsync(officer, $"![다른 공지 이미지]({usedKey})");

        await withTheirs.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ImageNotIssued, theirs);
        await withUsed.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.ImageNotIssued, usedKey);
    }

    [Fact]
    public async Task An_edit_keeps_the_notices_images_and_the_old_text_in_its_history()
    {
        using var created = await PostAsync(officer, $"![포스터]({await app.UploadAsync(officer, clubId, Png)})");
        var notice = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = notice.GetProperty("noticeId").GetInt64();

        using var edited = await officer.Client.PutAsJsonAsync($"/v1/notices/{id}",
            new { title = "포스터 (수정)", body = notice.GetProperty("body").GetString() + "\n\n장소가 바뀌었습니다.", audience = "PUBLIC", pinned = false }, Ct);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("<img", after.GetProperty("html").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("editedAt").ValueKind);
        Assert.Equal("PUBLIC", after.GetProperty("audience").GetString());
    }

    [Fact]
    public async Task Raw_html_and_scripts_in_the_markdown_come_back_sanitized()
    {
        const string body = "<script>fetch('/v1/me/profile')</script>\n\n[링크](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n**굵게**";

        using var created = await PostAsync(officer, body);

        var notice = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var html = notice.GetProperty("html").GetString()!;
        Assert.Equal(body, notice.GetProperty("body").GetString());
        foreach (var bad in new[] { "<script", "javascript:", "onerror", "<iframe" }) Assert.DoesNotContain(bad, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>굵게</strong>", html);
    }
}
