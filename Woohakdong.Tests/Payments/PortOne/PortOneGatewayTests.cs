using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

/// <summary>The V1 client the app resolves, against the app's own PortOne sandbox, over a real socket.</summary>
public abstract class PortOneGatewayTests(SandboxApp sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewMerchantUid() => $"wh-test-{Guid.NewGuid():N}"[..40];

    [Fact]
    public async Task Prepared_and_paid_payment_is_read_back_by_imp_uid_and_by_merchant_uid()
    {
        var merchantUid = NewMerchantUid();
        await sandbox.Gateway.PrepareAsync(merchantUid, 30_000, Ct);
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 30_000, Ct);

        var payment = await sandbox.Gateway.GetPaymentAsync(impUid, Ct);
        var found = await sandbox.Gateway.FindByMerchantUidAsync(merchantUid, Ct);

        Assert.NotNull(payment);
        Assert.Equal((impUid, merchantUid, 30_000L, 0L, "KRW", GatewayPaymentStatus.Paid), (payment.ImpUid, payment.MerchantUid,
            payment.Amount, payment.CancelAmount, payment.Currency, payment.Status));
        Assert.NotNull(payment.PaidAt);
        Assert.Equal(payment, found);
    }

    [Fact]
    public async Task Several_payments_come_back_in_one_call_by_either_id_with_unknown_ids_left_out_and_207_said()
    {
        var (first, second) = (NewMerchantUid(), NewMerchantUid());
        var firstImpUid = await sandbox.BuyerPaysAsync(first, 10_000, Ct);
        var secondImpUid = await sandbox.BuyerPaysAsync(second, 20_000, Ct);
        var token = await sandbox.TokenAsync(Ct);
        using var raw = new HttpRequestMessage(HttpMethod.Get, $"payments?imp_uid[]={firstImpUid}&imp_uid[]=imp_000000000000&include_sandbox=true");
        raw.Headers.Authorization = new("Bearer", token);

        var payments = await sandbox.Gateway.GetPaymentsAsync([firstImpUid, "imp_000000000000"], [second, NewMerchantUid()], Ct);
        var none = await sandbox.Gateway.GetPaymentsAsync(["imp_000000000000"], [], Ct);
        using var partial = await sandbox.Http.SendAsync(raw, Ct);

        Assert.Equal([(firstImpUid, first, 10_000L), (secondImpUid, second, 20_000L)], payments.Select(p => (p.ImpUid, p.MerchantUid, p.Amount)));
        Assert.Empty(none);
        Assert.Equal(HttpStatusCode.MultiStatus, partial.StatusCode);
        Assert.Single((await partial.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("response").EnumerateArray());
    }

    [Fact]
    public async Task A_failed_payment_reads_as_failed_with_its_reason_and_no_paid_time()
    {
        var merchantUid = NewMerchantUid();
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 10_000, Ct, outcome: "failed");

        var payment = await sandbox.Gateway.GetPaymentAsync(impUid, Ct);

        Assert.Equal(GatewayPaymentStatus.Failed, payment!.Status);
        Assert.Null(payment.PaidAt);
        Assert.False(string.IsNullOrEmpty(payment.FailReason));
    }

    [Fact]
    public async Task Unknown_imp_uid_or_merchant_uid_is_null_and_the_sandbox_answers_404_in_the_envelope()
    {
        var token = await sandbox.TokenAsync(Ct);
        using var raw = new HttpRequestMessage(HttpMethod.Get, "payments/imp_000000000000?include_sandbox=true");
        raw.Headers.Authorization = new("Bearer", token);

        var byImpUid = await sandbox.Gateway.GetPaymentAsync("imp_000000000000", Ct);
        var byMerchantUid = await sandbox.Gateway.FindByMerchantUidAsync(NewMerchantUid(), Ct);
        using var answer = await sandbox.Http.SendAsync(raw, Ct);
        var envelope = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Null(byImpUid);
        Assert.Null(byMerchantUid);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(-1, envelope.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, envelope.GetProperty("response").ValueKind);
    }

    [Fact]
    public async Task Preparing_the_same_merchant_uid_twice_fails_with_PortOnes_message_kept()
    {
        var merchantUid = NewMerchantUid();
        await sandbox.Gateway.PrepareAsync(merchantUid, 20_000, Ct);

        var refused = await Assert.ThrowsAsync<PaymentGatewayException>(() => sandbox.Gateway.PrepareAsync(merchantUid, 20_000, Ct));

        Assert.Equal(1, refused.GatewayCode);
        Assert.Equal("이미 등록된 merchant_uid입니다.", refused.GatewayMessage);
    }

    [Fact]
    public async Task Cancel_needs_the_right_checksum_and_refunds_only_once()
    {
        var merchantUid = NewMerchantUid();
        var impUid = await sandbox.BuyerPaysAsync(merchantUid, 30_000, Ct);

        var wrongChecksum = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => sandbox.Gateway.CancelAsync(impUid, null, checksum: 20_000, "좌석 없음", Ct));
        var untouched = await sandbox.Gateway.GetPaymentAsync(impUid, Ct);
        var cancelled = await sandbox.Gateway.CancelAsync(impUid, null, checksum: 30_000, "좌석 없음", Ct);
        var again = await Assert.ThrowsAsync<PaymentGatewayException>(
            () => sandbox.Gateway.CancelAsync(impUid, null, checksum: 30_000, "좌석 없음", Ct));
        var after = await sandbox.Gateway.GetPaymentAsync(impUid, Ct);

        Assert.Equal(1, wrongChecksum.GatewayCode);
        Assert.Contains("checksum", wrongChecksum.GatewayMessage);
        Assert.Equal((GatewayPaymentStatus.Paid, 0L), (untouched!.Status, untouched.CancelAmount));
        Assert.Equal((GatewayPaymentStatus.Cancelled, 30_000L, 0L), (cancelled.Status, cancelled.CancelAmount, cancelled.Refundable));
        Assert.Equal(1, again.GatewayCode);
        Assert.Equal((GatewayPaymentStatus.Cancelled, 30_000L), (after!.Status, after.CancelAmount));
    }

    [Fact]
    public async Task A_partial_cancel_keeps_the_payment_paid_until_the_balance_is_refunded()
    {
        var impUid = await sandbox.BuyerPaysAsync(NewMerchantUid(), 30_000, Ct);

        var partly = await sandbox.Gateway.CancelAsync(impUid, 10_000, checksum: 30_000, "일부 환불", Ct);
        var rest = await sandbox.Gateway.CancelAsync(impUid, null, checksum: 20_000, "나머지 환불", Ct);

        Assert.Equal((GatewayPaymentStatus.Paid, 10_000L), (partly.Status, partly.CancelAmount));
        Assert.Equal((GatewayPaymentStatus.Cancelled, 30_000L), (rest.Status, rest.CancelAmount));
    }

    [Fact]
    public async Task An_expired_token_is_renewed_exactly_once_and_the_call_goes_through()
    {
        var impUid = await sandbox.BuyerPaysAsync(NewMerchantUid(), 5_000, Ct);
        await sandbox.Gateway.GetPaymentAsync(impUid, Ct);
        var requestsBefore = sandbox.Store.TokenRequests;

        using var expired = await sandbox.Http.PostAsync("control/expire-tokens", null, Ct);
        var payment = await sandbox.Gateway.GetPaymentAsync(impUid, Ct);
        var requestsAfterRenewal = sandbox.Store.TokenRequests;
        await sandbox.Gateway.GetPaymentAsync(impUid, Ct);

        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        Assert.Equal(GatewayPaymentStatus.Paid, payment!.Status);
        Assert.Equal(requestsBefore + 1, requestsAfterRenewal);
        Assert.Equal(requestsAfterRenewal, sandbox.Store.TokenRequests);
    }
}

public sealed class PortOneGatewayOnSqliteTests(SqliteSandboxApp sandbox) : PortOneGatewayTests(sandbox), IClassFixture<SqliteSandboxApp>;

public sealed class PortOneGatewayOnPostgresTests(PostgresSandboxApp sandbox) : PortOneGatewayTests(sandbox), IClassFixture<PostgresSandboxApp>;
