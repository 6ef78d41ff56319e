using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// Items in chromium on the embedded default (LocalDisk store): the demo's officer registers an item with two images
/// picked from disk, the demo's student borrows it and returns it with a photo. The image bytes go from the browser to
/// the store's <c>/objects</c> URLs only, never through the Blazor circuit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ItemLoanBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly LocalDiskDemo demo = new("items");
    private readonly List<SentRequest> requests = [];
    private long circuitBytesSent;
    private Uri baseAddress = null!;

    private sealed record SentRequest(string Method, Uri Url, int BodyBytes);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/clubs/photo/items/(\d+)$")]
    private static partial Regex ItemPage();

    public ValueTask InitializeAsync()
    {
        baseAddress = demo.Start();
        return ValueTask.CompletedTask;
    }

    /// <summary>A signed-in page that records every request it sends and the bytes it sends over the circuit's WebSocket.</summary>
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync(baseAddress);
        page.Request += (_, request) =>
        {
            lock (requests) requests.Add(new SentRequest(request.Method, new Uri(request.Url), request.PostDataBuffer?.Length ?? 0));
        };
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
            Interlocked.Add(ref circuitBytesSent, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        await page.SignInAsync(email, DemoData.Password);
        return page;
    }

    private async Task<string> RegisterCameraAsync(IPage officer, string[] images)
    {
        await officer.OpenInteractiveAsync("/clubs/photo/items");
        await officer.ClickAsync("[data-testid='register-item']");
        await officer.WaitForAddressAsync(url => url.EndsWith("/clubs/photo/items/new"));
        await officer.WaitForInteractiveAsync();
        await officer.FillAsync("[data-testid='item-name-field']", "필름 카메라");
        await officer.ClickAsync("[data-testid='item-category-select']");
        await officer.Locator(".mud-popover-open .mud-list-item").GetByText("디지털", new() { Exact = true }).ClickAsync();
        await officer.FillAsync("[data-testid='item-location-field']", "동아리방 사물함 2");
        await officer.FillAsync("[data-testid='item-max-loan-days-field']", "3");
        await UploadSteps.PickAsync(officer.Locator("[data-testid='image-uploader']"), images);

        var uploads = officer.Locator("[data-testid='upload-item']");
        await Assertions.Expect(uploads).ToHaveCountAsync(2);
        await Assertions.Expect(officer.Locator("[data-testid='upload-progress']")).ToHaveCountAsync(2);
        await UploadSteps.AssertImageShownAsync(officer.Locator("[data-testid='upload-preview']").First);
        await officer.ClickAsync("[data-testid='item-submit']");

        await officer.WaitForAddressAsync(ItemPage());
        return ItemPage().Match(officer.Url).Groups[1].Value;
    }

    [Fact]
    public async Task Officer_registers_an_item_with_two_images_and_a_member_borrows_it_and_returns_it_with_a_photo()
    {
        await DemoStudentPage.MakeMemberAsync(demo.App);
        byte[] front = PngFiles.Noise(400, 300, seed: 1), back = PngFiles.Noise(300, 400, seed: 2), returned = PngFiles.Noise(200, 200, seed: 3);
        string[] images = [await PngFiles.WriteAsync(demo.Folder, "camera-front.png", front), await PngFiles.WriteAsync(demo.Folder, "camera-back.png", back)];
        var demoImages = StoredImages().ToHashSet();
        var officer = await SignedInAsync(DemoData.OfficerEmail);

        var itemId = await RegisterCameraAsync(officer, images);

        await Assertions.Expect(officer.Locator("[data-testid='item-title']")).ToHaveTextAsync("필름 카메라");
        await Assertions.Expect(officer.Locator("[data-testid='item-image']")).ToHaveCountAsync(2);
        await officer.OpenInteractiveAsync("/clubs/photo/items");
        var card = officer.Locator($"[data-testid='item-card'][data-item-id='{itemId}']");
        await UploadSteps.AssertImageShownAsync(card.Locator("[data-testid='item-thumbnail']"));
        await Assertions.Expect(card.Locator("[data-testid='item-status']")).ToHaveTextAsync("대여 가능");

        var student = await SignedInAsync(DemoData.StudentEmail);
        await student.OpenInteractiveAsync($"/clubs/photo/items/{itemId}");
        await student.ClickAsync("[data-testid='borrow-button']");
        await Assertions.Expect(student.Locator("[data-testid='item-notice']")).ToContainTextAsync("까지 반납해 주세요");
        await Assertions.Expect(student.Locator("[data-testid='item-status']")).ToHaveTextAsync("대여 중");

        await student.ClickAsync("[data-testid='return-button']");
        var dialog = student.Locator("[data-testid='return-dialog']");
        await UploadSteps.PickAsync(dialog.Locator("[data-testid='image-uploader']"), [await PngFiles.WriteAsync(demo.Folder, "returned.png", returned)]);
        await Assertions.Expect(dialog.Locator("[data-testid='upload-item']")).ToHaveCountAsync(1);
        await student.ClickAsync("[data-testid='return-confirm']");

        await Assertions.Expect(student.Locator("[data-testid='item-notice']")).ToHaveTextAsync("반납했습니다.");
        await Assertions.Expect(student.Locator("[data-testid='item-status']")).ToHaveTextAsync("대여 가능");
        await UploadSteps.AssertImageShownAsync(student.Locator("[data-testid='item-loans'] [data-testid='return-photo']"));
        await Assertions.Expect(student.Locator("[data-testid='loan-borrower']")).ToHaveTextAsync("이학생");

        AssertImageBytesWentOnlyToTheStore(returned.Length);
        Assert.Equal(
            [.. new[] { front.Length, back.Length, returned.Length }.Order()],
            StoredImages().Except(demoImages).Select(f => (int)new FileInfo(f).Length).Order());
    }

    /// <summary>The image files in the local store (the demo club's own equipment is there from the start).</summary>
    private string[] StoredImages() => Directory.GetFiles(demo.ObjectsFolder, "*.png", SearchOption.AllDirectories);

    /// <summary>
    /// Three PUTs (two item images, one return photo), all to the store's /objects; no other request and not the circuit's
    /// WebSocket carried anything image-sized. (Chromium does not report a file body's size, so the store's files are counted apart.)
    /// </summary>
    private void AssertImageBytesWentOnlyToTheStore(int smallestImageBytes)
    {
        List<SentRequest> sent;
        lock (requests) sent = [.. requests];
        var puts = sent.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, puts.Count);
        Assert.All(puts, put => Assert.StartsWith("/objects/clubs/", put.Url.AbsolutePath));
        var elsewhere = sent.Where(r => !r.Url.AbsolutePath.StartsWith("/objects/", StringComparison.Ordinal)).ToList();
        Assert.All(elsewhere, request => Assert.True(request.BodyBytes < smallestImageBytes / 10, $"{request.Method} {request.Url} sent {request.BodyBytes} bytes"));
        // Everything the pages told the server over the circuit, all steps together, is less than one image.
        var overCircuit = Interlocked.Read(ref circuitBytesSent);
        Assert.InRange(overCircuit, 1, smallestImageBytes - 1);
    }

    public ValueTask DisposeAsync() => demo.DisposeAsync();
}
