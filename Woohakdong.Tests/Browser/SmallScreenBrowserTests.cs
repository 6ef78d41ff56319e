using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>The demo app on a phone-sized screen (390 px wide) in chromium: the app bar, amounts, the reconnect overlay.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallScreenBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DemoAppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    private async Task<IPage> OpenOnPhoneAsync(string path)
    {
        var page = await browser.NewPageAsync(baseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await page.OpenAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task At_390_px_the_app_bar_keeps_within_itself_and_its_menu_opens_the_drawer_with_the_links()
    {
        var page = await OpenOnPhoneAsync("/clubs/photo");

        // Every shown element of the bar fits inside the bar and the screen: no label wraps out of it.
        var overflowing = await page.Locator("[data-testid=app-bar]").EvaluateAsync<string[]>("""
            bar => {
                const box = bar.getBoundingClientRect();
                return [...bar.querySelectorAll('*')]
                    .filter(e => e.getClientRects().length > 0)
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < -0.5 || r.right > window.innerWidth + 0.5; })
                    .map(e => e.outerHTML.slice(0, 80));
            }
            """);
        Assert.Empty(overflowing);

        await page.ClickAsync("[data-testid=app-menu-button]");

        var drawer = page.Locator("[data-testid=app-drawer]");
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "동아리 찾기" })).ToBeVisibleAsync();
        await Assertions.Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "로그인" })).ToBeVisibleAsync();
        await drawer.GetByRole(AriaRole.Link, new() { Name = "동아리 찾기" }).ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/clubs"));
    }

    [Fact]
    public async Task At_390_px_every_won_amount_stays_on_one_line_and_cannot_wrap()
    {
        var page = await OpenOnPhoneAsync("/");
        await page.Locator("[data-testid=club-card]").First.WaitForAsync();

        // Each "₩10,000" in the page's text: the lines it is laid out on, and whether its element may wrap it at all
        // (a narrower box than this screen's must not break it either).
        var amounts = await page.EvaluateAsync<string[]>("""
            () => {
                const found = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.textContent.matchAll(/₩[\d,]+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
                        found.push(`${match[0]} lines=${lines} white-space=${getComputedStyle(node.parentElement).whiteSpace}`);
                    }
                }
                return found;
            }
            """);

        Assert.NotEmpty(amounts);
        Assert.All(amounts, amount => Assert.Matches(@"lines=1 white-space=nowrap$", amount));
    }

    [Fact]
    public async Task The_reconnect_overlay_shows_one_state_at_a_time_in_korean()
    {
        var page = await OpenOnPhoneAsync("/clubs/photo");

        // blazor.web.js keeps "show" when a later attempt adds "retrying": exactly what the overlay must cope with.
        var shown = await page.EvaluateAsync<string[]>("""
            () => {
                const modal = document.getElementById('components-reconnect-modal');
                modal.classList.add('components-reconnect-show', 'components-reconnect-retrying');
                modal.showModal();
                return [...modal.querySelectorAll('p, button')].filter(e => e.checkVisibility()).map(e => e.textContent.trim());
            }
            """);

        var text = Assert.Single(shown);
        Assert.StartsWith("연결하지 못했습니다.", text);
        Assert.EndsWith("초 뒤에 다시 시도합니다.", text);
    }

    [Fact]
    public async Task At_390_px_the_overview_opens_first_with_both_charts_within_the_screen()
    {
        var page = await browser.NewPageAsync(baseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(Web.Hosting.DemoData.PresidentEmail, Web.Hosting.DemoData.Password);
        await page.OpenInteractiveAsync("/clubs/photo/admin");

        var overview = page.Locator("[data-testid=overview]");
        await Assertions.Expect(overview.Locator(".mud-chart svg")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=need-OverdueLoans] a")).ToHaveAttributeAsync("href", "/clubs/photo/admin?tab=loans");
        // Nothing of the tab is wider than the phone: no sideways scrolling, the charts shrink to fit.
        var wider = await overview.EvaluateAsync<string[]>("""
            tab => [...tab.querySelectorAll('*')]
                .filter(e => e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                .map(e => e.outerHTML.slice(0, 80))
            """);
        Assert.Empty(wider);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
