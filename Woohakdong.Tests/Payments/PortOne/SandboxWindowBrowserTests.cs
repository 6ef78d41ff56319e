using System.Text.Json;
using Microsoft.Playwright;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Tests.Browser;

namespace Woohakdong.Tests.Payments.PortOne;

/// <summary>The sandbox's iamport.js in chromium, driven through IMP.request_pay on an ordinary app page.</summary>
[Collection(Woohakdong.Tests.Browser.BrowserCollection.Name)]
public sealed class SandboxWindowBrowserTests(SqliteSandboxApp sandbox, BrowserFixture browser)
    : IClassFixture<SqliteSandboxApp>, IClassFixture<BrowserFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string RequestPay = """
        params => new Promise(resolve => { IMP.init("imp00000000"); IMP.request_pay(params, resolve); })
        """;

    [Fact]
    public async Task Paying_in_the_window_records_a_paid_payment_and_hands_its_imp_uid_to_the_callback()
    {
        var merchantUid = $"win-{Guid.NewGuid():N}";
        await sandbox.Gateway.PrepareAsync(merchantUid, 15_000, Ct);
        var page = await OpenAppPageAsync();

        var pending = page.EvaluateAsync<JsonElement>(RequestPay, Params(merchantUid, 15_000));
        var window = page.FrameLocator("#imp-sandbox-window");
        await Assertions.Expect(window.Locator(".amount")).ToHaveTextAsync("₩15,000");
        await window.GetByText("카카오페이로 결제").ClickAsync();
        var rsp = await pending;
        var payment = await sandbox.Gateway.GetPaymentAsync(rsp.GetProperty("imp_uid").GetString()!, Ct);

        Assert.Equal(JsonValueKind.Null, rsp.GetProperty("error_code").ValueKind);
        Assert.Equal(merchantUid, rsp.GetProperty("merchant_uid").GetString());
        Assert.Equal((GatewayPaymentStatus.Paid, 15_000L, merchantUid), (payment!.Status, payment.Amount, payment.MerchantUid));
        Assert.Equal(0, await page.Locator("#imp-sandbox-overlay").CountAsync());
    }

    [Fact]
    public async Task An_amount_other_than_the_prepared_one_is_refused_before_any_payment_exists()
    {
        var merchantUid = $"win-{Guid.NewGuid():N}";
        await sandbox.Gateway.PrepareAsync(merchantUid, 15_000, Ct);
        var page = await OpenAppPageAsync();

        var rsp = await page.EvaluateAsync<JsonElement>(RequestPay, Params(merchantUid, 100));

        Assert.Equal(JsonValueKind.Null, rsp.GetProperty("imp_uid").ValueKind);
        Assert.False(string.IsNullOrEmpty(rsp.GetProperty("error_code").GetString()));
        Assert.Null(await sandbox.Gateway.FindByMerchantUidAsync(merchantUid, Ct));
    }

    [Fact]
    public async Task Failing_gives_a_failed_payment_and_closing_gives_an_error_without_imp_uid()
    {
        var failedUid = $"win-{Guid.NewGuid():N}";
        var closedUid = $"win-{Guid.NewGuid():N}";
        var page = await OpenAppPageAsync();

        var failing = page.EvaluateAsync<JsonElement>(RequestPay, Params(failedUid, 5_000));
        await page.FrameLocator("#imp-sandbox-window").GetByText("결제 실패").ClickAsync();
        var failed = await failing;
        var closing = page.EvaluateAsync<JsonElement>(RequestPay, Params(closedUid, 5_000));
        await page.FrameLocator("#imp-sandbox-window").GetByRole(AriaRole.Button, new() { Name = "닫기" }).ClickAsync();
        var closed = await closing;
        var failedPayment = await sandbox.Gateway.GetPaymentAsync(failed.GetProperty("imp_uid").GetString()!, Ct);

        Assert.False(string.IsNullOrEmpty(failed.GetProperty("error_code").GetString()));
        Assert.Equal(GatewayPaymentStatus.Failed, failedPayment!.Status);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("imp_uid").ValueKind);
        Assert.False(string.IsNullOrEmpty(closed.GetProperty("error_code").GetString()));
        Assert.Null(await sandbox.Gateway.FindByMerchantUidAsync(closedUid, Ct));
    }

    [Fact]
    public async Task On_a_narrow_screen_the_buyer_returns_through_m_redirect_url()
    {
        var merchantUid = $"win-{Guid.NewGuid():N}";
        var page = await OpenAppPageAsync();
        await page.SetViewportSizeAsync(390, 800);

        // The page navigates away, so this evaluation never completes: nothing to await.
        _ = page.EvaluateAsync(RequestPay, new { merchant_uid = merchantUid, amount = 7_000, name = "회비", pay_method = "card",
            channelKey = sandbox.Credentials.ChannelKey, m_redirect_url = "/?from=payment" });
        await page.FrameLocator("#imp-sandbox-window").GetByText("카카오페이로 결제").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("from=payment&imp_uid=imp_"));

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query);
        Assert.Equal(merchantUid, query["merchant_uid"].ToString());
        Assert.False(query.ContainsKey("error_code"));
    }

    private object Params(string merchantUid, long amount) => new
    {
        channelKey = sandbox.Credentials.ChannelKey, pay_method = "kakaopay", merchant_uid = merchantUid, name = "동아리 회비",
        amount, currency = "KRW", buyer_name = "김학생", buyer_email = "student@example.com",
    };

    private async Task<IPage> OpenAppPageAsync()
    {
        var page = await browser.NewPageAsync(sandbox.BaseAddress);
        await page.OpenAsync("/");
        await page.WaitForInteractiveAsync();
        await page.AddScriptTagAsync(new() { Url = "/sandbox/iamport.js" });
        return page;
    }
}
