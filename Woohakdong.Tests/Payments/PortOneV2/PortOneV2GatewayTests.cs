using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>The V2 client the app resolves, against the app's own V2 sandbox over a real socket: answers and refusals.</summary>
public sealed class PortOneV2GatewayTests(SqliteV2SandboxApp app) : IClassFixture<SqliteV2SandboxApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPaymentGateway Gateway => app.App.Services.GetRequiredService<PaymentGateways>().For(GatewayVersion.V2);

    private static string NewPaymentId() => $"wh-v2-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_pre_registered_paid_payment_is_read_back_with_its_amount_currency_and_store_and_cancelled_with_its_balance()
    {
        var paymentId = NewPaymentId();
        await Gateway.PrepareAsync(paymentId, 30_000, Ct);
        (await app.PayAsync(paymentId, webhook: false)).EnsureSuccessStatusCode();

        var paid = await Gateway.GetPaymentAsync(paymentId, Ct);
        var staleChecksum = await Assert.ThrowsAsync<PaymentGatewayException>(() => Gateway.CancelAsync(paymentId, null, 10_000, "test", Ct));
        var cancelled = await Gateway.CancelAsync(paymentId, null, 30_000, "test", Ct);

        Assert.NotNull(paid);
        Assert.Equal((paymentId, 30_000L, 0L, "KRW", GatewayPaymentStatus.Paid, false), (paid.ImpUid, paid.Amount, paid.CancelAmount, paid.Currency, paid.Status, paid.OtherStore));
        Assert.NotNull(paid.PaidAt);
        Assert.Contains("CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN", staleChecksum.GatewayMessage);
        Assert.Equal(409, staleChecksum.GatewayCode);
        Assert.Equal((GatewayPaymentStatus.Cancelled, 30_000L, 0L), (cancelled.Status, cancelled.CancelAmount, cancelled.Refundable));
    }

    [Fact]
    public async Task An_unknown_payment_is_null_for_one_and_absent_from_many()
    {
        var known = NewPaymentId();
        (await app.PayAsync(known, amount: 5_000, webhook: false)).EnsureSuccessStatusCode();

        Assert.Null(await Gateway.GetPaymentAsync(NewPaymentId(), Ct));
        Assert.Null(await Gateway.FindByMerchantUidAsync(NewPaymentId(), Ct));
        var many = await Gateway.GetPaymentsAsync([known, NewPaymentId()], [NewPaymentId()], Ct);
        Assert.Equal(known, Assert.Single(many).ImpUid);
    }

    [Fact]
    public async Task Pre_registering_a_paid_payment_again_is_a_gateway_error()
    {
        var paymentId = NewPaymentId();
        (await app.PayAsync(paymentId, amount: 5_000, webhook: false)).EnsureSuccessStatusCode();

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => Gateway.PrepareAsync(paymentId, 5_000, Ct));

        Assert.Contains("ALREADY_PAID", refused.GatewayMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PortOne wrong-secret")]
    [InlineData("Bearer sandbox_v2_api_secret")]
    public async Task The_sandbox_refuses_a_missing_or_wrong_authorization_with_401_unauthorized(string? authorization)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.BaseAddress, $"sandbox/portone/v2/payments/{NewPaymentId()}"));
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var answer = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await answer.JsonAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{\"paymentId\":\"x\",\"outcome\":\"refunded\"}")]
    [InlineData("{\"outcome\":\"paid\",\"amount\":100}")]
    [InlineData("{\"paymentId\":\"never-registered-v2\"}")]
    public async Task The_sandbox_control_refuses_a_pay_it_cannot_act_on_with_400(string body)
    {
        using var http = new HttpClient();
        using var answer = await http.PostAsync(new Uri(app.BaseAddress, "sandbox/portone/v2/control/pay"),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("INVALID_REQUEST", (await answer.JsonAsync()).GetProperty("type").GetString());
    }
}
