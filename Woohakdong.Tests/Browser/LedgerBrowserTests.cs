using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// The ledger in chromium on the embedded default (LocalDisk store): the demo's 총무 records an expense with a receipt
/// photo uploaded straight to the store, reverses it, and the demo's student (a member; the demo keeps its ledger open)
/// reads both on the phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LedgerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Memo = "MT 숙소 대관";
    private readonly LocalDiskDemo demo = new("ledger");
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = demo.Start();
        return ValueTask.CompletedTask;
    }

    private static ILocator Entry(IPage page, string memo) =>
        page.Locator("[data-testid='ledger-entries'] tbody tr")
            .Filter(new() { Has = page.Locator("[data-testid='entry-memo']", new() { HasTextString = memo }) });

    [Fact]
    public async Task The_secretary_records_an_expense_with_a_receipt_reverses_it_and_a_member_reads_both_on_the_phone()
    {
        await DemoStudentPage.MakeMemberAsync(demo.App);
        var receipt = await PngFiles.WriteAsync(demo.Folder, "receipt.png", PngFiles.Noise(240, 320, seed: 15));
        var secretary = await browser.NewPageAsync(baseAddress);
        await secretary.SignInAsync(DemoData.SecretaryEmail, DemoData.Password);

        await secretary.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}/admin?tab=ledger");
        await secretary.ClickAsync("[data-testid='ledger-add']");
        await secretary.ClickAsync("[data-testid='entry-category-field']");
        await secretary.Locator(".mud-popover-open .mud-list-item").GetByText("장소 대관", new() { Exact = true }).ClickAsync();
        await secretary.FillAsync("[data-testid='entry-amount-field']", "64000");
        await secretary.FillAsync("[data-testid='entry-memo-field']", Memo);
        await UploadSteps.PickAsync(secretary.Locator("[data-testid='ledger-entry-form'] [data-testid='image-uploader']"), [receipt]);
        await secretary.ClickAsync("[data-testid='entry-save']");

        var recorded = Entry(secretary, Memo);
        await Assertions.Expect(recorded.Locator("[data-testid='entry-amount']")).ToHaveTextAsync("−₩64,000");
        await Assertions.Expect(recorded.Locator("[data-testid='entry-category']")).ToHaveTextAsync("장소 대관");
        await Assertions.Expect(recorded.Locator("[data-testid='entry-recorded-by']")).ToHaveTextAsync("정준호");
        await UploadSteps.AssertImageShownAsync(recorded.Locator("[data-testid='entry-receipt'] img"));
        var number = (await recorded.Locator("[data-testid='entry-number']").TextContentAsync())!.Trim();

        await recorded.Locator("[data-testid='entry-reverse']").ClickAsync();
        await secretary.FillAsync("#reverse-reason", "예약 취소로 환불받음");
        await secretary.ClickAsync("[data-testid='reverse-confirm']");
        await Assertions.Expect(recorded.Locator("[data-testid='entry-reversed']")).ToBeVisibleAsync();
        await Assertions.Expect(recorded.Locator("[data-testid='entry-reverse']")).ToHaveCountAsync(0);
        await Assertions.Expect(Entry(secretary, "예약 취소로 환불받음").Locator("[data-testid='entry-reverses']")).ToHaveTextAsync($"{number} 취소");

        var student = await browser.NewPageAsync(baseAddress);
        await student.SetViewportSizeAsync(390, 844);
        await student.SignInAsync(DemoData.StudentEmail, DemoData.Password);
        await student.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}");
        await student.ClickAsync("[data-testid='club-ledger']");
        await student.WaitForAddressAsync(url => url.EndsWith($"/clubs/{DemoData.ClubEnglishName}/ledger"));
        var seen = Entry(student, Memo);
        await Assertions.Expect(seen.Locator("[data-testid='entry-reversed']")).ToBeVisibleAsync();
        await Assertions.Expect(Entry(student, "예약 취소로 환불받음")).ToBeVisibleAsync();
        await UploadSteps.AssertImageShownAsync(seen.Locator("[data-testid='entry-receipt'] img"));
        await Assertions.Expect(student.Locator("[data-testid='entry-reverse'], [data-testid='ledger-add']")).ToHaveCountAsync(0);
        Assert.True(await student.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the ledger is wider than the phone");
    }

    public ValueTask DisposeAsync() => demo.DisposeAsync();
}
