using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// The demo's student joins the paid demo club in V2 mode (<c>PortOne:Version=V2</c>): the button calls
/// <c>PortOne.requestPayment</c>, the sandbox's stand-in opens its V2 window, and the order settles through the V2 client.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PaidJoinV2BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DemoAppFactory app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"/orders/\d+$")]
    private static partial Regex OrderPage();

    public ValueTask InitializeAsync()
    {
        app.Settings["PortOne:Version"] = "V2";
        return ValueTask.CompletedTask;
    }

    private async Task<JoinOrder> TheOrderAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await (from order in db.JoinOrders
                      join user in db.Users on order.UserId equals user.Id
                      where user.Email == DemoData.StudentEmail
                      orderby order.Id descending
                      select order).AsNoTracking().FirstAsync(Ct);
    }

    [Fact]
    public async Task A_student_pays_in_the_V2_sandbox_window_and_the_result_page_shows_the_membership()
    {
        var page = await DemoStudentPage.OnThePaidClubAsync(browser, app);

        await page.ClickAsync("[data-testid='join-button']");
        var window = page.FrameLocator("#imp-sandbox-window");
        await Assertions.Expect(window.Locator(".amount")).ToHaveTextAsync("₩10,000");
        await window.GetByText("카카오페이로 결제").ClickAsync();
        await page.WaitForAddressAsync(OrderPage());

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");
        var order = await TheOrderAsync();
        Assert.Equal((GatewayVersion.V2, OrderStatus.Completed, order.MerchantUid), (order.GatewayVersion, order.Status, order.ImpUid));
    }

    [Fact]
    public async Task On_a_phone_the_buyer_returns_through_redirectUrl_with_the_paymentId_and_the_join_completes()
    {
        var page = await DemoStudentPage.OnThePaidClubAsync(browser, app);
        await page.SetViewportSizeAsync(390, 800);

        await page.ClickAsync("[data-testid='join-button']");
        await page.FrameLocator("#imp-sandbox-window").GetByText("카카오페이로 결제").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/payments/return?") && url.Contains("paymentId="));

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("가입 완료");
        var order = await TheOrderAsync();
        Assert.Contains($"paymentId={order.MerchantUid}", page.Url);
        Assert.Equal((GatewayVersion.V2, OrderStatus.Completed), (order.GatewayVersion, order.Status));
    }

    [Fact]
    public async Task Closing_the_V2_window_fails_the_order()
    {
        var page = await DemoStudentPage.OnThePaidClubAsync(browser, app);

        await page.ClickAsync("[data-testid='join-button']");
        await page.FrameLocator("#imp-sandbox-window").GetByRole(AriaRole.Button, new() { Name = "닫기" }).ClickAsync();
        await page.WaitForAddressAsync(OrderPage());

        await Assertions.Expect(page.Locator("[data-testid='order-status']")).ToHaveTextAsync("결제 실패");
        Assert.Equal(OrderStatus.Failed, (await TheOrderAsync()).Status);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
