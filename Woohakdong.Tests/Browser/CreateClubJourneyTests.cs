using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>A new user's first minutes, in chromium against the app on a real port.</summary>
[Collection(Woohakdong.Tests.Browser.BrowserCollection.Name)]
public sealed class CreateClubJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_new_user_signs_up_creates_a_club_finds_it_in_the_list_and_opens_its_public_page()
    {
        var page = await browser.NewPageAsync(baseAddress);

        await page.OpenAsync("/account/register");
        await page.FillAsync("#email", "newcomer@example.ac.kr");
        await page.FillAsync("#name", "박신입");
        await page.FillAsync("#password", "climbing2026");
        await page.FillAsync("#password-confirm", "climbing2026");
        await page.ClickAsync("[data-testid='register-submit']");
        await page.WaitForAddressAsync(url => url.Contains("/me/profile"));
        // The page the sign-in led to has its circuit before the test moves on (no navigation overlaps its start).
        await page.WaitForInteractiveAsync();

        await page.OpenAsync("/clubs/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#club-name", "우학동 산악부");
        await page.FillAsync("#club-english-name", "alpine");
        await page.FillAsync("#club-description", "매달 한 번 북한산에 오릅니다.");
        await page.FillAsync("#club-room", "학생회관 201호");
        await page.FillAsync("#club-fee", "15000");
        await page.FillAsync("#club-seat-limit", "40");
        await page.ClickAsync("[data-testid='club-submit']");
        await page.WaitForAddressAsync(url => url.EndsWith("/clubs/alpine/admin"));

        await page.OpenAsync("/clubs");
        await page.WaitForInteractiveAsync();
        var card = page.Locator("[data-testid='club-card']", new() { HasText = "우학동 산악부" });
        await card.GetByRole(AriaRole.Link, new() { Name = "우학동 산악부" }).ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/clubs/alpine"));

        await Assertions.Expect(page.Locator("[data-testid='club-title']")).ToHaveTextAsync("우학동 산악부");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
