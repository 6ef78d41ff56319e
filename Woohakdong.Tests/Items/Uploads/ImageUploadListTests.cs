using Woohakdong.Web.Components.Pages.Items;

namespace Woohakdong.Tests.Items.Uploads;

public sealed class ImageUploadListTests
{
    private static readonly UploadOutcome Stored = new(UploadResult.Stored, 200);

    private static PickedFile File(int id, string type = "image/png", long size = 1000) =>
        new(id, $"photo{id}.png", size, type, $"blob:preview-{id}");

    private static ImageUploadList ListOf(int count, int maxFiles = 10)
    {
        var list = new ImageUploadList(maxFiles);
        list.Add(Enumerable.Range(1, count).Select(id => File(id)));
        return list;
    }

    /// <summary>Runs one upload round in which each image ends as <paramref name="outcomeOf"/> says.</summary>
    private static IReadOnlyList<int> UploadRound(ImageUploadList list, Func<int, UploadOutcome> outcomeOf)
    {
        var batch = list.BeginUpload();
        foreach (var image in batch) list.Finish(image.Id, image.Attempt, outcomeOf(image.Id), $"key-{image.Id}-{image.Attempt}");
        return [.. batch.Select(image => image.Id)];
    }

    [Fact]
    public void Wrong_types_too_large_files_and_files_beyond_the_limit_are_refused_with_their_reason()
    {
        var list = new ImageUploadList(maxFiles: 2);

        var refused = list.Add([
            File(1), File(2, type: "application/pdf"), File(3, size: 10 * 1024 * 1024 + 1), File(4, type: "image/webp"), File(5),
        ]);

        Assert.Equal([1, 4], list.Images.Select(image => image.Id));
        Assert.Equal([(2, PickRefusal.WrongType), (3, PickRefusal.TooLarge), (5, PickRefusal.TooMany)],
            refused.Select(r => (r.File.Id, r.Reason)));
        Assert.True(list.IsFull);
    }

    [Fact]
    public void A_file_of_exactly_ten_megabytes_is_accepted() =>
        Assert.Empty(new ImageUploadList(10).Add([File(1, type: "image/jpeg", size: 10 * 1024 * 1024)]));

    [Fact]
    public void Keys_come_in_the_order_the_user_picked_not_the_order_uploads_finished()
    {
        var list = ListOf(3);
        var batch = list.BeginUpload();

        foreach (var image in batch.Reverse()) list.Finish(image.Id, image.Attempt, Stored, $"key-{image.Id}");

        Assert.Equal(["key-1", "key-2", "key-3"], list.Keys);
    }

    [Fact]
    public void A_retry_asks_for_new_urls_only_for_the_images_that_failed()
    {
        var list = ListOf(3);
        UploadRound(list, id => id == 2 ? new UploadOutcome(UploadResult.Failed, 403) : Stored);
        Assert.Null(list.Keys);
        Assert.Equal(403, list.Find(2)!.FailureStatus);

        var retried = UploadRound(list, _ => Stored);

        Assert.Equal([2], retried);
        Assert.Equal(["key-1-1", "key-2-2", "key-3-1"], list.Keys);
    }

    [Fact]
    public void A_cancelled_upload_stays_cancelled_even_when_the_browser_reports_it_stored_late()
    {
        var list = ListOf(2);
        var batch = list.BeginUpload();

        Assert.True(list.Cancel(1));
        foreach (var image in batch) list.Finish(image.Id, image.Attempt, Stored, $"key-{image.Id}");

        Assert.Equal(ImageUploadState.Cancelled, list.Find(1)!.State);
        Assert.Equal(ImageUploadState.Done, list.Find(2)!.State);
        Assert.Null(list.Keys);
        Assert.False(list.Cancel(2));
    }

    [Fact]
    public void The_outcome_of_an_abandoned_attempt_does_not_change_the_retry()
    {
        var list = ListOf(1);
        var first = list.BeginUpload()[0].Attempt;
        list.Cancel(1);
        list.BeginUpload();

        list.Finish(1, first, new UploadOutcome(UploadResult.Cancelled, 0), "key-old");

        Assert.Equal(ImageUploadState.Uploading, list.Find(1)!.State);
    }

    [Fact]
    public void An_image_can_be_removed_before_or_after_its_upload_but_not_while_it_uploads()
    {
        var list = ListOf(3);
        Assert.True(list.Remove(1));
        list.BeginUpload();

        Assert.False(list.Remove(2));
        list.Cancel(2);
        Assert.True(list.Remove(2));

        Assert.Equal([3], list.Images.Select(image => image.Id));
    }

    [Fact]
    public void Progress_is_whole_percent_and_counts_as_a_change_only_when_the_percent_moves()
    {
        var list = ListOf(1);
        list.BeginUpload();

        Assert.True(list.Report(1, 2_500, 10_000));
        Assert.False(list.Report(1, 2_550, 10_000));
        Assert.Equal(25, list.Find(1)!.Percent);
    }

    [Fact]
    public void Images_without_urls_fail_and_are_sent_again_next_time()
    {
        var list = ListOf(2);
        list.FailWithoutUrl(list.BeginUpload());

        Assert.All(list.Images, image => Assert.Equal(ImageUploadState.Failed, image.State));
        Assert.Equal([1, 2], list.BeginUpload().Select(image => image.Id));
    }

    [Fact]
    public void Nothing_picked_means_no_keys_to_submit() => Assert.Equal([], new ImageUploadList(10).Keys);

    [Theory]
    [InlineData(532L, "532 B")]
    [InlineData(2_560L, "2.5 KB")]
    [InlineData(3_250_586L, "3.1 MB")]
    public void Sizes_read_in_bytes_kilobytes_or_megabytes(long size, string expected) =>
        Assert.Equal(expected, new PickedImage(File(1, size: size)).SizeText);
}
