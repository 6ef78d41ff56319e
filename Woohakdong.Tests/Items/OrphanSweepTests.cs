using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Storage;

namespace Woohakdong.Tests.Items;

/// <summary>The sweep of uploads never attached, on the local disk with a fake clock; the default age is one day.</summary>
public abstract class OrphanSweepTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"woohakdong-sweep-{Guid.NewGuid():N}");
    private SeatHarness harness = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        harness = await SeatHarness.StartAsync(provider, settings: new Dictionary<string, string?> { ["Storage:LocalDisk:Root"] = root });

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task The_sweep_deletes_only_unattached_uploads_older_than_a_day_and_parallel_sweeps_do_not_fail()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var officer = club.President;
        var issued = await IssueAsync(officer, club.ClubId, 4);
        var (attached, unattached, neverUploaded, verifiedOnly) = (issued[0].Key, issued[1].Key, issued[2].Key, issued[3].Key);
        foreach (var written in new[] { attached, unattached, verifiedOnly }) await WriteAsync(written, harness.Time.GetUtcNow());
        var item = await harness.As<RegisterItem, ItemDetail>(officer, register => register.RegisterAsync(club.ClubId, ItemSeeds.Input("삼각대", attached), Ct));
        var attachedImage = Assert.Single(item.Images).Key;
        var verifiedCopy = Assert.Single(await harness.As<UploadVerifier, IReadOnlyList<VerifiedImage>>(officer, verifier => verifier.VerifyAsync(club.ClubId, [verifiedOnly], Ct))).Key;
        // The upload URL still lives after registration: a second PUT lands under the upload key, which nothing serves.
        await WriteAsync(attached, harness.Time.GetUtcNow());
        var (returnUpload, returnPhoto) = await ReturnWithPhotoAsync(club);
        var strayOld = $"{UploadKeys.ClubPrefix(club.ClubId)}items/2026/04/stray-old.png";
        var outsideClubs = "health/old.png";
        await WriteAsync(strayOld, harness.Time.GetUtcNow());
        await WriteAsync(outsideClubs, harness.Time.GetUtcNow());

        var sweptTooEarly = await SweepAsync();
        harness.Time.Advance(TimeSpan.FromHours(25));
        var young = (await IssueAsync(officer, club.ClubId, 1)).Single().Key;
        await WriteAsync(young, harness.Time.GetUtcNow());
        var strayYoung = $"{UploadKeys.ClubPrefix(club.ClubId)}images/2026/04/stray-young.png";
        await WriteAsync(strayYoung, harness.Time.GetUtcNow());

        await Task.WhenAll(Task.Run(SweepAsync, Ct), Task.Run(SweepAsync, Ct));
        var sweptAgain = await SweepAsync();

        Assert.Equal(0, sweptTooEarly);
        Assert.Equal(0, sweptAgain);
        Assert.Equal([attached, returnUpload, young],
            await UploadRowsAsync(club.ClubId, attached, unattached, neverUploaded, verifiedOnly, returnUpload, young));
        foreach (var kept in new[] { attachedImage, returnPhoto, young, strayYoung, outsideClubs }) Assert.True(Exists(kept), kept);
        foreach (var gone in new[] { attached, unattached, verifiedOnly, verifiedCopy, strayOld }) Assert.False(Exists(gone), gone);
    }

    [Fact]
    public async Task An_image_attached_where_it_was_uploaded_before_copies_existed_is_kept()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var itemId = await ItemSeeds.AddItemAsync(harness.DbAsync, club.ClubId, club.President);
        string key;
        await using (var db = await harness.DbAsync()) key = await db.ItemImages.Where(i => i.ItemId == itemId).Select(i => i.Key).SingleAsync(Ct);
        await WriteAsync(key, harness.Time.GetUtcNow());
        harness.Time.Advance(TimeSpan.FromDays(2));

        await SweepAsync();

        Assert.True(Exists(key));
    }

    [Fact]
    public async Task A_notice_image_is_kept_and_goes_once_its_notice_is_deleted()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var upload = (await IssueAsync(club.President, club.ClubId, 1)).Single().Key;
        await WriteAsync(upload, harness.Time.GetUtcNow());
        var notice = await harness.As<PostNotice, NoticeView>(club.President, post => post.PostAsync(
            club.ClubId, new NoticeInput("포스터", $"![포스터]({upload})", NoticeAudience.Public, Pinned: true), Ct));
        var image = notice.Body.Split('(', ')')[1];
        harness.Time.Advance(TimeSpan.FromDays(2));

        await SweepAsync();
        var keptWhileShown = Exists(image);
        await harness.As<DeleteNotice, bool>(club.President, async delete =>
        {
            await delete.DeleteAsync(notice.NoticeId, Ct);
            return true;
        });
        await SweepAsync();

        Assert.True(keptWhileShown);
        Assert.False(Exists(image));
    }

    [Fact]
    public async Task One_pass_counts_each_orphan_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var issued = await IssueAsync(club.President, club.ClubId, 2);
        await WriteAsync(issued[0].Key, harness.Time.GetUtcNow());
        harness.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        Assert.Equal(2, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
        Assert.False(Exists(issued[0].Key));
    }

    /// <summary>A loan returned with a photo: the photo's upload key and its verified copy's key.</summary>
    private async Task<(string UploadKey, string Key)> ReturnWithPhotoAsync(OpenClub club)
    {
        var member = await harness.CreateStudentAsync();
        await using (var db = await harness.DbAsync())
        {
            db.Memberships.Add(new ClubMembership { ClubId = club.ClubId, UserId = member, Role = ClubRole.Member, TermKey = Term.Current(harness.Time).Key });
            await db.SaveChangesAsync(Ct);
        }
        var itemId = await ItemSeeds.AddItemAsync(harness.DbAsync, club.ClubId, club.President);
        await harness.As<BorrowItem, LoanView>(member, borrow => borrow.BorrowAsync(club.ClubId, itemId, Ct));
        var photo = await harness.As<ImageUploadService, UploadUrl>(member, uploads => uploads.RequestReturnPhotoAsync(club.ClubId, itemId, "image/png", Ct));
        await WriteAsync(photo.Key, harness.Time.GetUtcNow());
        await harness.As<ReturnItem, LoanView>(member, returns => returns.ReturnAsync(club.ClubId, itemId, photo.Key, Ct));
        await using var loans = await harness.DbAsync();
        return (photo.Key, (await loans.ItemLoans.SingleAsync(l => l.ItemId == itemId, Ct)).ReturnPhotoKey!);
    }

    private Task<IReadOnlyList<UploadUrl>> IssueAsync(Guid officer, long clubId, int count) =>
        harness.As<ImageUploadService, IReadOnlyList<UploadUrl>>(officer, uploads => uploads.RequestAsync(clubId, [.. Enumerable.Repeat("image/png", count)], Ct));

    private async Task<int> SweepAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrphanUploadSweep>().RunOnceAsync(Ct);
    }

    /// <summary>Stores a PNG as an upload would, dated <paramref name="writtenAt"/> on the fake clock.</summary>
    private async Task WriteAsync(string key, DateTimeOffset writtenAt)
    {
        var store = harness.Services.GetRequiredService<LocalDiskObjectStorage>();
        await store.WriteAsync(key, "image/png", new MemoryStream(StorageTestKit.Png), ImageTypes.MaxBytes, Ct);
        File.SetLastWriteTimeUtc(PathOf(key), writtenAt.UtcDateTime);
    }

    private bool Exists(string key) => File.Exists(PathOf(key));

    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Which of these upload keys still have their row.</summary>
    private async Task<string[]> UploadRowsAsync(long clubId, params string[] keys)
    {
        await using var db = await harness.DbAsync();
        var present = await db.IssuedUploads.Where(u => u.ClubId == clubId).Select(u => u.UploadKey).ToListAsync(Ct);
        return [.. keys.Where(present.Contains)];
    }
}

public sealed class SqliteOrphanSweepTests() : OrphanSweepTests(DatabaseProvider.Sqlite);

public sealed class PostgresOrphanSweepTests() : OrphanSweepTests(DatabaseProvider.Postgres);
