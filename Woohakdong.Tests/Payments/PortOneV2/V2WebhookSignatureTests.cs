using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>
/// The V2 app mid-rotation: <c>PortOne:V2:WebhookSecret</c> is a new secret and <c>WebhookSecretPrevious</c> the one the
/// sandbox still signs with (the embedded default), as when the console's secret was just replaced.
/// </summary>
public sealed class RotatedV2SandboxApp() : V2SandboxApp(new AppFactory())
{
    public const string SandboxSecret = "whsec_c2FuZGJveC12Mi13ZWJob29rLXNlY3JldC0zMmJ5dGVz";
    public static readonly string NewSecret = NewWhsec();

    public static string NewWhsec() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override IEnumerable<(string Key, string Value)> MoreSettings =>
        [("PortOne:V2:WebhookSecret", NewSecret), ("PortOne:V2:WebhookSecretPrevious", SandboxSecret)];
}

/// <summary>The Standard Webhooks signature of <c>/webhooks/portone/v2</c>: what is taken, and everything that is refused.</summary>
public sealed class V2WebhookSignatureTests(RotatedV2SandboxApp app) : IClassFixture<RotatedV2SandboxApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An order paid at the sandbox whose webhook was not sent: only the test's webhook can settle it now.</summary>
    private async Task<V2Order> PaidWithoutWebhookAsync()
    {
        var order = await app.StartOrderAsync();
        (await app.PayAsync(order.PaymentId, webhook: false)).EnsureSuccessStatusCode();
        return order;
    }

    [Fact]
    public async Task A_webhook_signed_with_the_current_secret_is_recorded_and_completes_its_order()
    {
        var order = await PaidWithoutWebhookAsync();
        var body = SignedWebhooks.Body(order.PaymentId);

        var answer = await app.PostWebhookAsync(SignedWebhooks.Headers(body, RotatedV2SandboxApp.NewSecret), body);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Completed", await V2SandboxApp.SettledStatusAsync(order));
    }

    [Fact]
    public async Task During_a_rotation_the_previous_secret_still_verifies_the_sandboxs_own_webhook()
    {
        var order = await app.StartOrderAsync();

        (await app.PayAsync(order.PaymentId)).EnsureSuccessStatusCode();

        Assert.Equal("Completed", await V2SandboxApp.SettledStatusAsync(order));
        // Checked by the package itself, outside the app: the sandbox signed exactly this body with its own (previous) secret.
        var (headers, body) = Assert.Single(await app.WebhooksAsync(order.PaymentId));
        var received = new HeaderDictionary(headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value)));
        new StandardWebhook(RotatedV2SandboxApp.SandboxSecret).Verify(body, received);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(RotatedV2SandboxApp.NewSecret).Verify(body, received));
        Assert.Equal(order.PaymentId, JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("paymentId").GetString());
    }

    public static TheoryData<string> Forgeries() =>
        ["one body byte changed", "6 minutes old", "6 minutes ahead", "another secret", "no webhook-id", "no webhook-timestamp", "no webhook-signature"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_stale_webhook_is_refused_with_401_and_nothing_is_recorded(string forgery)
    {
        var order = await PaidWithoutWebhookAsync();
        var body = SignedWebhooks.Body(order.PaymentId);
        var secret = RotatedV2SandboxApp.NewSecret;
        var (headers, sent) = forgery switch
        {
            "one body byte changed" => (SignedWebhooks.Headers(body, secret), body.Replace("01:00:00.000Z", "01:00:00.001Z", StringComparison.Ordinal)),
            "6 minutes old" => (SignedWebhooks.Headers(body, secret, DateTimeOffset.UtcNow.AddMinutes(-6)), body),
            "6 minutes ahead" => (SignedWebhooks.Headers(body, secret, DateTimeOffset.UtcNow.AddMinutes(6)), body),
            "another secret" => (SignedWebhooks.Headers(body, RotatedV2SandboxApp.NewWhsec()), body),
            _ => (SignedWebhooks.Headers(body, secret), body),
        };
        if (forgery.StartsWith("no ", StringComparison.Ordinal)) headers.Remove(forgery["no ".Length..]);
        if (forgery == "one body byte changed") Assert.NotEqual(body, sent);

        var answer = await app.PostWebhookAsync(headers, sent);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("WEBHOOK_SIGNATURE_INVALID", (await answer.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await app.NoticesAsync(order.PaymentId));
        Assert.Equal("Pending", await V2SandboxApp.StatusAsync(order));
    }

    [Fact]
    public async Task A_replayed_webhook_id_is_refused_with_401_even_with_a_valid_signature()
    {
        var order = await app.StartOrderAsync();
        (await app.PayAsync(order.PaymentId, outcome: "failed", webhook: false)).EnsureSuccessStatusCode();
        var body = SignedWebhooks.Body(order.PaymentId, "Transaction.Failed");
        var headers = SignedWebhooks.Headers(body, RotatedV2SandboxApp.NewSecret);

        var first = await app.PostWebhookAsync(headers, body);
        Assert.Equal("Failed", await V2SandboxApp.SettledStatusAsync(order));
        await Eventually.TrueAsync(async () => await app.NoticesAsync(order.PaymentId) == 0, "the first webhook left the inbox", Ct);
        var replayed = await app.PostWebhookAsync(headers, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("WEBHOOK_REPLAYED", (await replayed.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(0, await app.NoticesAsync(order.PaymentId));
    }

    [Theory]
    [InlineData("Transaction.Ready")]
    [InlineData("Transaction.VirtualAccountIssued")]
    [InlineData("BillingKey.Issued")]
    public async Task A_verified_webhook_of_a_type_that_settles_nothing_is_answered_200_without_acting(string type)
    {
        var order = await PaidWithoutWebhookAsync();
        var body = SignedWebhooks.Body(order.PaymentId, type);

        var answer = await app.PostWebhookAsync(SignedWebhooks.Headers(body, RotatedV2SandboxApp.NewSecret), body);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, await app.NoticesAsync(order.PaymentId));
        Assert.Equal("Pending", await V2SandboxApp.StatusAsync(order));
    }

    [Theory]
    [InlineData("{\"type\":\"Transaction.Paid\",\"data\":{\"paymentId\":\"has space\"}}", "MERCHANT_UID_INVALID")]
    [InlineData("{\"type\":\"Transaction.Paid\",\"data\":{}}", "MERCHANT_UID_INVALID")]
    [InlineData("[1,2]", "INVALID_INPUT")]
    [InlineData("not json", "INVALID_INPUT")]
    public async Task A_signed_body_without_a_usable_payment_id_is_refused_with_400(string body, string code)
    {
        var answer = await app.PostWebhookAsync(SignedWebhooks.Headers(body, RotatedV2SandboxApp.NewSecret), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(code, (await answer.JsonAsync()).GetProperty("code").GetString());
    }
}
