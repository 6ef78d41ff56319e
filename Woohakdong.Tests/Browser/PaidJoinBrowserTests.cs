using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>The demo's student joins the paid demo club (₩10,000) in chromium, paying in the sandbox's PortOne window.</summary>
[Collection(Woohakdong.Tests.Browser.BrowserCollection.Name)]
public sealed partial class PaidJoinBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DemoAppFactory app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"/orders/\d+$")]
    private static partial Regex OrderPage();

    private Task<IPage> StudentOnTheClubPageAsync() => DemoStudentPage.OnThePaidClubAsync(browser, app);

    private static async Task<int> SeatsLeftAsync(IPage page) =>
        int.Parse(Number().Match(await page.Locator("[data-testid='seats-left']").InnerTextAsync()).Value);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }

    private Task<bool> StudentIsMemberAsync() => QueryAsync(db =>
        (from membership in db.Memberships
         join user in db.Users on membership.UserId equals user.Id
         join club in db.Clubs on membership.ClubId equals club.Id
         where user.Email == DemoData.StudentEmail && club.EnglishName == DemoData.ClubEnglishName
         select membership).AnyAsync(Ct));

    private async Task PayInTheWindowAsync(IPage page)
    {
        await page.ClickAsync("[data-testid='join-button']");
        var window = page.FrameLocator("#imp-sandbox-window");
        await Assertions.Expect(window.Locator(".amount")).ToHaveTextAsync("₩10,000");
        await window.GetByText("카카오페이로 결제").ClickAsync();
        await page.WaitForAddressAsync(OrderPage());
    }

    [Fact]
    public async Task A_student_pays_in_the_sandbox_window_and_the_result_page_shows_the_membership()
    {
        var page = await StudentOnTheClubPageAsync();

        await PayInTheWindowAsync(page);

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");
        await Assertions.Expect(page.Locator("[data-testid='order-amount']")).ToContainTextAsync("₩10,000");
        await Assertions.Expect(page.Locator("[data-testid='order-club-link']")).ToHaveAttributeAsync("href", "/clubs/photo");
        Assert.True(await StudentIsMemberAsync());
    }

    [Fact]
    public async Task With_the_webhook_undelivered_the_window_callback_alone_completes_the_join()
    {
        // Port 9 (discard) has no listener here: the sandbox's webhook fails to connect.
        app.Settings["PortOne:Sandbox:WebhookUrl"] = "http://127.0.0.1:9/webhooks/portone";
        var page = await StudentOnTheClubPageAsync();

        await PayInTheWindowAsync(page);

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");
        var causes = await JoinHistoryCausesAsync();
        Assert.Equal([OrderCause.Callback], causes);
        Assert.True(await StudentIsMemberAsync());
    }

    [Fact]
    public async Task Closing_the_window_fails_the_order_and_gives_the_seat_back()
    {
        var page = await StudentOnTheClubPageAsync();
        var seatsBefore = await SeatsLeftAsync(page);

        await page.ClickAsync("[data-testid='join-button']");
        await page.FrameLocator("#imp-sandbox-window").GetByRole(AriaRole.Button, new() { Name = "닫기" }).ClickAsync();
        await page.WaitForAddressAsync(OrderPage());

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("결제 실패");
        await page.OpenAsync($"/clubs/{DemoData.ClubEnglishName}");
        await page.WaitForInteractiveAsync();
        Assert.Equal(seatsBefore, await SeatsLeftAsync(page));
        Assert.False(await StudentIsMemberAsync());
    }

    [Fact]
    public async Task On_a_phone_the_buyer_returns_through_m_redirect_url_and_the_return_page_completes_the_join()
    {
        app.Settings["PortOne:Sandbox:WebhookUrl"] = "http://127.0.0.1:9/webhooks/portone";
        var page = await StudentOnTheClubPageAsync();
        await page.SetViewportSizeAsync(390, 800);

        await page.ClickAsync("[data-testid='join-button']");
        await page.FrameLocator("#imp-sandbox-window").GetByText("카카오페이로 결제").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/payments/return?") && url.Contains("imp_uid=imp_"));

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");
        var causes = await JoinHistoryCausesAsync();
        Assert.Equal([OrderCause.Redirect], causes);
        Assert.True(await StudentIsMemberAsync());
    }

    /// <summary>How the join's order moved; the demo's paid event tickets have their own history.</summary>
    private Task<List<OrderCause>> JoinHistoryCausesAsync() => QueryAsync(db => db.OrderHistory
        .Where(h => db.JoinOrders.Any(o => o.Id == h.OrderId && !db.Events.Any(e => e.Id == o.PoolId)))
        .Select(h => h.Cause).Distinct().ToListAsync(Ct));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
