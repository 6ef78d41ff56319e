using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

/// <summary>The sandbox's REST answers as PortOne V1 gives them, spoken to directly over HTTP.</summary>
public sealed class PortOneSandboxApiTests(SqliteSandboxApp sandbox) : IClassFixture<SqliteSandboxApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bad_keys_get_401_and_asking_again_returns_the_same_token()
    {
        using var bad = await sandbox.Http.PostAsJsonAsync("users/getToken", new { imp_key = sandbox.Credentials.ImpKey, imp_secret = "wrong" }, Ct);
        using var form = await sandbox.Http.PostAsync("users/getToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["imp_key"] = sandbox.Credentials.ImpKey!, ["imp_secret"] = sandbox.Credentials.ImpSecret!,
        }), Ct);
        var first = (await form.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("response");
        var second = await sandbox.TokenAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(-1, (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetInt32());
        Assert.Equal(first.GetProperty("access_token").GetString(), second);
        Assert.InRange(first.GetProperty("expired_at").GetInt64() - first.GetProperty("now").GetInt64(), 1, 30 * 60);
    }

    [Theory]
    [InlineData("Authorization", "Bearer {0}")]
    [InlineData("Authorization", "{0}")]
    [InlineData("X-ImpTokenHeader", "{0}")]
    public async Task Every_authorization_header_form_PortOne_accepts_is_accepted(string header, string format)
    {
        var token = await sandbox.TokenAsync(Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments/prepare/unknown-order");
        request.Headers.TryAddWithoutValidation(header, string.Format(format, token));

        using var answer = await sandbox.Http.SendAsync(request, Ct);

        // Authorized: the unknown merchant_uid is what is refused, not the token.
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    public async Task A_missing_or_unknown_token_gets_401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "payments/imp_000000000001?include_sandbox=true");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var answer = await sandbox.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task Prepare_reads_back_changes_with_PUT_and_a_sandbox_payment_is_hidden_without_include_sandbox()
    {
        var token = await sandbox.TokenAsync(Ct);
        var merchantUid = $"prep-{Guid.NewGuid():N}";
        var prepared = await SendAsync(HttpMethod.Post, "payments/prepare", token, new { merchant_uid = merchantUid, amount = 10000.0 });
        var changed = await SendAsync(HttpMethod.Put, "payments/prepare", token, new { merchant_uid = merchantUid, amount = 12_000 });
        var read = await SendAsync(HttpMethod.Get, $"payments/prepare/{merchantUid}", token);
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 12_000, Ct);
        var hidden = await SendAsync(HttpMethod.Get, $"payments/{impUid}", token);
        var shown = await SendAsync(HttpMethod.Get, $"payments/find/{merchantUid}/paid?include_sandbox=true", token);

        Assert.Equal(10_000, prepared.Body.GetProperty("response").GetProperty("amount").GetInt64());
        Assert.Equal(12_000, changed.Body.GetProperty("response").GetProperty("amount").GetInt64());
        Assert.Equal(12_000, read.Body.GetProperty("response").GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        var payment = shown.Body.GetProperty("response");
        Assert.Equal((impUid, "paid", "kakaopay", "kakaopay", true), (payment.GetProperty("imp_uid").GetString(),
            payment.GetProperty("status").GetString(), payment.GetProperty("pay_method").GetString(),
            payment.GetProperty("pg_provider").GetString(), payment.GetProperty("sandbox").GetBoolean()));
    }

    [Fact]
    public async Task Cancelling_a_payment_that_does_not_exist_is_HTTP_200_with_code_1()
    {
        var token = await sandbox.TokenAsync(Ct);

        var answer = await SendAsync(HttpMethod.Post, "payments/cancel", token, new { imp_uid = "imp_999999999999", checksum = 1000 });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, answer.Body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("message").GetString()));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var answer = await sandbox.Http.SendAsync(request, Ct);
        return (answer.StatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}
