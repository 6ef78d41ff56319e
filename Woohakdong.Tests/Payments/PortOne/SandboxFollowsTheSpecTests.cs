using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Sandbox.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

/// <summary>The app's sandbox, with test-channel payments not counting (as in Live mode, unless a staging setup asks).</summary>
public sealed class SandboxIgnoringTestPaymentsApp() : SandboxApp(new AppFactory { Settings = { ["PortOne:IncludeSandboxPayments"] = "false" } });

/// <summary>
/// PortOne's V1 spec has <c>include_sandbox</c> on <c>GET /payments/{imp_uid}</c> only: find and the list answer test
/// payments without it (marked <c>sandbox: true</c>), and the client decides whether they count.
/// </summary>
public sealed class SandboxFollowsTheSpecTests(SqliteSandboxApp sandbox, SandboxIgnoringTestPaymentsApp ignoring)
    : IClassFixture<SqliteSandboxApp>, IClassFixture<SandboxIgnoringTestPaymentsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_and_the_list_answer_a_test_payment_without_include_sandbox_as_the_spec_defines_them()
    {
        var merchantUid = $"spec-{Guid.NewGuid():N}";
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 5_000, Ct);
        var token = await sandbox.TokenAsync(Ct);

        var found = await GetAsync(sandbox, $"payments/find/{merchantUid}", token);
        var listed = await GetAsync(sandbox, $"payments?merchant_uid[]={merchantUid}", token);
        var single = await GetAsync(sandbox, $"payments/{impUid}", token);

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal((impUid, true), (found.Body.GetProperty("response").GetProperty("imp_uid").GetString(),
            found.Body.GetProperty("response").GetProperty("sandbox").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal(impUid, listed.Body.GetProperty("response")[0].GetProperty("imp_uid").GetString());
        Assert.Equal(HttpStatusCode.NotFound, single.Status);
    }

    [Fact]
    public async Task A_client_that_counts_test_payments_finds_them_by_merchant_uid()
    {
        var merchantUid = $"spec-{Guid.NewGuid():N}";
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 5_000, Ct);

        var found = await sandbox.Gateway.FindByMerchantUidAsync(merchantUid, Ct);
        var listed = await sandbox.Gateway.GetPaymentsAsync([], [merchantUid], Ct);

        Assert.Equal(impUid, found?.ImpUid);
        Assert.Equal([impUid], listed.Select(p => p.ImpUid));
    }

    [Fact]
    public async Task A_client_that_does_not_count_test_payments_sees_none_on_any_route()
    {
        var merchantUid = $"spec-{Guid.NewGuid():N}";
        var impUid = await ignoring.BuyerPaysAsync(merchantUid, 5_000, Ct);

        var single = await ignoring.Gateway.GetPaymentAsync(impUid, Ct);
        var found = await ignoring.Gateway.FindByMerchantUidAsync(merchantUid, Ct);
        var listed = await ignoring.Gateway.GetPaymentsAsync([impUid], [merchantUid], Ct);

        Assert.Null(single);
        Assert.Null(found);
        Assert.Empty(listed);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/collect")]
    [InlineData("https://evil.example/webhooks/portone")]
    [InlineData("not a url")]
    public async Task The_buyer_lever_refuses_a_notice_url_that_is_not_the_apps_own_webhook(string noticeUrl)
    {
        var merchantUid = $"hook-{Guid.NewGuid():N}";

        using var answer = await sandbox.Http.PostAsJsonAsync("buyer/pay", new { merchant_uid = merchantUid, amount = 1_000, notice_url = noticeUrl }, Ct);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(SandboxWebhooks.ForeignNoticeUrl, body.GetProperty("message").GetString());
        Assert.Null(sandbox.Store.Find(merchantUid, null, null));
    }

    [Fact]
    public async Task The_payment_window_refuses_a_foreign_notice_url_before_any_payment_exists()
    {
        var merchantUid = $"hook-{Guid.NewGuid():N}";

        using var window = await sandbox.Http.GetAsync($"checkout?merchant_uid={merchantUid}&amount=1000&notice_url=http://127.0.0.1:9/collect", Ct);
        using var decide = await sandbox.Http.PostAsJsonAsync("checkout/decide", new
        {
            merchantUid, amount = 1_000, outcome = "paid", noticeUrl = "http://127.0.0.1:9/collect", mobile = false,
        }, Ct);
        var rsp = await decide.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Contains("data-refusal=\"" + SandboxWebhooks.ForeignNoticeUrl + "\"", await window.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, decide.StatusCode);
        Assert.Equal(SandboxCheckout.WindowRefusedCode, rsp.GetProperty("error_code").GetString());
        Assert.Null(sandbox.Store.Find(merchantUid, null, null));
    }

    [Fact]
    public async Task The_apps_own_webhook_is_an_accepted_notice_url()
    {
        var merchantUid = $"hook-{Guid.NewGuid():N}";
        var own = new Uri(sandbox.BaseAddress, SandboxWebhooks.DefaultPath).ToString();

        using var byAddress = await sandbox.Http.PostAsJsonAsync("buyer/pay", new { merchant_uid = merchantUid, amount = 1_000, notice_url = own, webhook = false }, Ct);
        using var byPath = await sandbox.Http.PostAsJsonAsync("buyer/pay", new { merchant_uid = merchantUid + "b", amount = 1_000, notice_url = SandboxWebhooks.DefaultPath, webhook = false }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byAddress.StatusCode, byPath.StatusCode));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(SandboxApp app, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var answer = await app.Http.SendAsync(request, Ct);
        return (answer.StatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}
