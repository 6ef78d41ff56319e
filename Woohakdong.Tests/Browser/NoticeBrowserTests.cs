using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// Notices in chromium on the embedded default (LocalDisk store): the demo's officer writes a pinned notice with an
/// image uploaded straight to the store, the demo's student (a member) reads it on the phone, the officer sees the
/// read count move and downloads the roster as a workbook.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly LocalDiskDemo demo = new("notices");
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = demo.Start();
        return ValueTask.CompletedTask;
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(baseAddress);
        await page.SignInAsync(email, DemoData.Password);
        return page;
    }

    private static ILocator Card(IPage page, string title) =>
        page.Locator("[data-testid='notice-card']").Filter(new() { Has = page.Locator("[data-testid='notice-title']", new() { HasTextString = title }) });

    [Fact]
    public async Task An_officer_posts_a_pinned_notice_with_an_image_a_member_reads_it_on_the_phone_and_the_officer_downloads_the_roster()
    {
        const string title = "정기 출사 공지";
        await DemoStudentPage.MakeMemberAsync(demo.App);
        var image = await PngFiles.WriteAsync(demo.Folder, "meeting-place.png", PngFiles.Noise(320, 240, seed: 7));
        var officer = await SignedInAsync(DemoData.OfficerEmail);

        await officer.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}/admin?tab=notices");
        await officer.ClickAsync("[data-testid='notice-new']");
        await officer.FillAsync("[data-testid='notice-title-field']", title);
        await officer.FillAsync("[data-testid='notice-body-field']", "이번 주 토요일 **오전 10시**, 정문 앞에서 모입니다.");
        await UploadSteps.PickAsync(officer.Locator("[data-testid='notice-editor'] [data-testid='image-uploader']"), [image]);
        await officer.ClickAsync("[data-testid='notice-insert-images']");
        await Assertions.Expect(officer.Locator("[data-testid='notice-body-field']")).ToHaveValueAsync(new Regex(@"!\[meeting-place\]\(clubs/\d+/uploads/"));
        await officer.Locator("[data-testid='notice-pinned'] input, input[data-testid='notice-pinned']").CheckAsync();
        await officer.ClickAsync("[data-testid='notice-save']");

        var posted = Card(officer, title);
        await Assertions.Expect(posted.Locator("[data-testid='notice-pin']")).ToBeVisibleAsync();
        await Assertions.Expect(posted.Locator("[data-testid='notice-read-count']")).ToContainTextAsync("읽음 0/");

        var student = await SignedInAsync(DemoData.StudentEmail);
        await student.SetViewportSizeAsync(390, 844);
        await student.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}/notices");
        var first = student.Locator("[data-testid='notice-card']").First;
        await Assertions.Expect(first.Locator("[data-testid='notice-title']")).ToHaveTextAsync(title);
        await Assertions.Expect(first.Locator("[data-testid='notice-unread']")).ToBeVisibleAsync();
        await first.Locator("[data-testid='notice-title']").ClickAsync();
        await student.WaitForAddressAsync(url => url.Contains("/notices/"));
        await Assertions.Expect(student.Locator("[data-testid='notice-body'] strong")).ToHaveTextAsync("오전 10시");
        await UploadSteps.AssertImageShownAsync(student.Locator("[data-testid='notice-body'] img"));
        Assert.True(await student.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the notice is wider than the phone");
        await student.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}/notices");
        await Assertions.Expect(Card(student, title).Locator("[data-testid='notice-unread']")).ToHaveCountAsync(0);

        await officer.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}/admin?tab=notices");
        await Assertions.Expect(Card(officer, title).Locator("[data-testid='notice-read-count']")).ToContainTextAsync("읽음 1/");

        // The roster download, signed in by the browser's own cookie as the dashboard's buttons are.
        var clubId = await ClubIdAsync();
        var download = await officer.Context.APIRequest.GetAsync($"{baseAddress}exports/clubs/{clubId}/roster?format=xlsx");
        Assert.Equal(200, download.Status);
        Assert.Contains("filename*=UTF-8''", download.Headers["content-disposition"], StringComparison.Ordinal);
        var rows = MiniExcel.Query(new MemoryStream(await download.BodyAsync()), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, row => Equals(row["이름"], "이학생"));
        Assert.Contains(rows, row => Equals(row["이름"], "한서연"));
    }

    private async Task<long> ClubIdAsync()
    {
        await using var scope = demo.App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => demo.DisposeAsync();
}
