using Bunit;
using Woohakdong.Core.Common;
using Woohakdong.Web.Components.Pages.Items;

namespace Woohakdong.Tests.Items.Uploads;

public sealed class ImageUploaderTests : ImageUploaderTest
{
    private static readonly UploadOutcome Stored = new(UploadResult.Stored, 200);

    [Fact]
    public async Task Picked_files_show_their_preview_name_and_size_and_wait()
    {
        var uploader = RenderUploader();

        await PickAsync(uploader, Png(1, size: 2_560, name: "공.png"), Png(2, size: 3_250_586, name: "라켓.png"));

        Assert.Equal(2, uploader.FindAll("[data-testid=upload-item]").Count);
        var first = Item(uploader, 0);
        Assert.Equal("blob:http://localhost/preview-1", first.QuerySelector("img[data-testid=upload-preview]")!.GetAttribute("src"));
        Assert.Equal("공.png", first.QuerySelector("[data-testid=upload-name]")!.TextContent);
        Assert.Equal("2.5 KB", first.QuerySelector("[data-testid=upload-size]")!.TextContent);
        Assert.Equal("3.1 MB", Item(uploader, 1).QuerySelector("[data-testid=upload-size]")!.TextContent);
        Assert.Equal("대기 중", Status(uploader, 0));
        Assert.Empty(UrlRequests);
    }

    [Fact]
    public async Task Progress_from_the_browser_moves_each_bar_and_the_keys_come_back_in_picking_order()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1), Png(2, type: "image/jpeg"));
        var (first, second) = (PlanUpload(1), PlanUpload(2));

        var uploading = StartUploadAsync(uploader);
        await ProgressAsync(uploader, 1, 42, 100);

        Assert.Equal("업로드 중 42%", Status(uploader, 0));
        Assert.Equal("42", Item(uploader, 0).QuerySelector("[data-testid=upload-progress]")!.GetAttribute("aria-valuenow"));
        Assert.Equal("업로드 중 0%", Status(uploader, 1));
        var puts = Invocations("upload");
        Assert.Equal([1, 2], puts.Select(put => (int)put.Arguments[0]!));
        Assert.Equal("/objects/clubs/1/items/2026/11/2.jpg?sig=2", puts[1].Arguments[1]);
        Assert.Equal("image/jpeg", ((IReadOnlyDictionary<string, string>)puts[1].Arguments[2]!)["Content-Type"]);

        second.SetResult(Stored);
        first.SetResult(Stored);

        Assert.Equal(["clubs/1/items/2026/11/1.png", "clubs/1/items/2026/11/2.jpg"], await uploading);
        uploader.WaitForAssertion(() => Assert.Equal("완료", Status(uploader, 0)));
        Assert.Equal([["image/png", "image/jpeg"]], UrlRequests);
    }

    [Fact]
    public async Task A_failed_upload_offers_retry_which_asks_a_fresh_url_for_that_file_only()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1), Png(2), Png(3));
        PlanUpload(1).SetResult(Stored);
        PlanUpload(2).SetResult(new UploadOutcome(UploadResult.Failed, 403));
        PlanUpload(3).SetResult(new UploadOutcome(UploadResult.Failed, 0));

        Assert.Null(await StartUploadAsync(uploader));

        Assert.Equal(["완료", "실패 (HTTP 403)", "실패: 네트워크 오류"], [.. Enumerable.Range(0, 3).Select(i => Status(uploader, i))]);
        Assert.Null(Item(uploader, 0).QuerySelector("[data-testid=upload-retry]"));
        PlanUpload(2).SetResult(Stored);
        await Item(uploader, 1).QuerySelector("[data-testid=upload-retry]")!.ClickAsync(new());

        uploader.WaitForAssertion(() => Assert.Equal("완료", Status(uploader, 1)));
        Assert.Equal([["image/png", "image/png", "image/png"], ["image/png"]], UrlRequests);
        Assert.Equal("/objects/clubs/1/items/2026/11/4.png?sig=4", Invocations("upload")[^1].Arguments[1]);

        PlanUpload(3).SetResult(Stored);
        var keys = await StartUploadAsync(uploader);

        Assert.Equal(["clubs/1/items/2026/11/1.png", "clubs/1/items/2026/11/4.png", "clubs/1/items/2026/11/5.png"], keys);
        Assert.Equal(["image/png"], UrlRequests[^1]);
    }

    [Fact]
    public async Task Cancelling_an_upload_aborts_it_in_the_browser_and_leaves_nothing_to_submit()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1));
        var put = PlanUpload(1);
        var uploading = StartUploadAsync(uploader);

        await uploader.Find("[data-testid=upload-cancel]").ClickAsync(new());
        put.SetResult(new UploadOutcome(UploadResult.Cancelled, 0));

        Assert.Null(await uploading);
        Assert.Equal([1], Invocations("abort").Select(abort => (int)abort.Arguments[0]!));
        uploader.WaitForAssertion(() => Assert.Equal("취소됨", Status(uploader, 0)));
        Assert.NotNull(uploader.Find("[data-testid=upload-retry]"));
    }

    [Fact]
    public async Task Submitting_while_a_retry_still_uploads_waits_for_it_instead_of_sending_the_file_twice()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1));
        PlanUpload(1).SetResult(new UploadOutcome(UploadResult.Failed, 500));
        Assert.Null(await StartUploadAsync(uploader));
        var retry = PlanUpload(1);
        await uploader.Find("[data-testid=upload-retry]").ClickAsync(new());

        var submitting = StartUploadAsync(uploader);
        Assert.False(submitting.IsCompleted);
        retry.SetResult(Stored);

        Assert.Equal(["clubs/1/items/2026/11/2.png"], await submitting);
        Assert.Equal(2, UrlRequests.Count);
        Assert.Equal(2, Invocations("upload").Count);
    }

    [Fact]
    public async Task Cancel_all_aborts_every_upload_under_way()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1), Png(2));
        var (first, second) = (PlanUpload(1), PlanUpload(2));
        var uploading = StartUploadAsync(uploader);

        await uploader.Find("[data-testid=cancel-all]").ClickAsync(new());
        first.SetResult(new UploadOutcome(UploadResult.Cancelled, 0));
        second.SetResult(new UploadOutcome(UploadResult.Cancelled, 0));

        Assert.Null(await uploading);
        Assert.Equal([1, 2], Invocations("abort").Select(abort => (int)abort.Arguments[0]!));
        uploader.WaitForAssertion(() => Assert.Empty(uploader.FindAll("[data-testid=cancel-all]")));
    }

    [Fact]
    public async Task Wrong_type_too_large_and_too_many_files_are_refused_in_Korean_and_dropped_in_the_browser()
    {
        var uploader = RenderUploader(maxFiles: 2);

        await PickAsync(uploader,
            Png(1, name: "회칙.pdf", type: "application/pdf"), Png(2, name: "큰사진.png", size: 11 * 1024 * 1024),
            Png(3), Png(4), Png(5, name: "셋째.png"));

        Assert.Equal(
            ["회칙.pdf: JPEG, PNG, WebP, GIF 이미지만 올릴 수 있습니다.", "큰사진.png: 10MB보다 큰 파일은 올릴 수 없습니다.",
             "셋째.png: 사진은 최대 2장까지 올릴 수 있습니다."],
            uploader.FindAll("[data-testid=upload-refusal]").Select(alert => alert.TextContent.Trim()));
        Assert.Equal(2, uploader.FindAll("[data-testid=upload-item]").Count);
        Assert.Equal([1, 2, 5], (int[])Invocations("discard").Single().Arguments[0]!);
        Assert.True(uploader.Find("[data-testid=image-input]").HasAttribute("disabled"));
    }

    /// <summary>The edit page lowers and raises the limit as the item's existing images are kept or removed.</summary>
    [Fact]
    public async Task A_raised_limit_takes_the_next_file_without_a_new_page()
    {
        var uploader = RenderUploader(maxFiles: 1);
        await PickAsync(uploader, Png(1), Png(2, name: "둘째.png"));

        uploader.Render(parameters => parameters.Add(p => p.MaxFiles, 2));
        await PickAsync(uploader, Png(3));

        Assert.Equal(2, uploader.FindAll("[data-testid=upload-item]").Count);
        Assert.True(uploader.Find("[data-testid=image-input]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_removed_file_is_dropped_in_the_browser_and_never_uploaded()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1), Png(2, type: "image/gif"));
        PlanUpload(2).SetResult(Stored);

        await Item(uploader, 0).QuerySelector("[data-testid=upload-remove]")!.ClickAsync(new());

        Assert.Equal([1], (int[])Invocations("discard").Single().Arguments[0]!);
        Assert.Equal(["clubs/1/items/2026/11/1.gif"], await StartUploadAsync(uploader));
        Assert.Equal([["image/gif"]], UrlRequests);
    }

    [Fact]
    public async Task A_refused_url_request_shows_the_reason_in_Korean_and_marks_the_files_failed()
    {
        var uploader = RenderUploader();
        await PickAsync(uploader, Png(1));
        UrlRefusal = AppException.Forbidden();

        Assert.Null(await StartUploadAsync(uploader));

        Assert.Equal("이 동아리에서 이 작업을 할 권한이 없습니다.", uploader.Find("[data-testid=upload-error]").TextContent.Trim());
        Assert.Equal("실패", Status(uploader, 0));
        Assert.Empty(Invocations("upload"));
    }

    [Fact]
    public void A_single_photo_uploader_lets_the_browser_pick_one_file_of_the_allowed_types()
    {
        var uploader = RenderUploader(maxFiles: 1);
        var input = uploader.Find("[data-testid=image-input]");

        Assert.False(input.HasAttribute("multiple"));
        Assert.Equal("image/jpeg,image/png,image/webp,image/gif", input.GetAttribute("accept"));
        Assert.Contains("장당 10MB 이하 · 최대 1장", uploader.Markup);
    }
}
