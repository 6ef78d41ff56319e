using System.Text.Json;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

public sealed class PortOneJsonTests
{
    [Fact]
    public void Amounts_written_with_a_decimal_point_and_unix_times_become_won_and_utc_times()
    {
        const string json = """
            {"code":0,"message":null,"response":{"imp_uid":"imp_1","merchant_uid":"m-1","amount":10000.0,"cancel_amount":0,
             "currency":"KRW","status":"paid","paid_at":1700000000,"failed_at":0,"fail_reason":null,"extra_field":"ignored"}}
            """;

        var payment = JsonSerializer.Deserialize<PortOneEnvelope<PortOnePaymentJson>>(json, PortOneJson.Options)!.Response!.ToGatewayPayment();

        Assert.Equal(new GatewayPayment("imp_1", "m-1", 10_000, 0, "KRW", GatewayPaymentStatus.Paid,
            DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), null), payment);
    }

    [Fact]
    public void A_payment_not_yet_paid_has_no_paid_time_and_a_fraction_of_a_won_is_refused()
    {
        const string ready = """{"imp_uid":"imp_2","merchant_uid":"m-2","amount":5000,"cancel_amount":0,"currency":"KRW","status":"ready","paid_at":0}""";
        const string fraction = """{"imp_uid":"imp_3","merchant_uid":"m-3","amount":5000.5,"cancel_amount":0,"currency":"KRW","status":"paid","paid_at":0}""";

        var payment = JsonSerializer.Deserialize<PortOnePaymentJson>(ready, PortOneJson.Options)!.ToGatewayPayment();

        Assert.Equal((GatewayPaymentStatus.Ready, (DateTimeOffset?)null), (payment.Status, payment.PaidAt));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PortOnePaymentJson>(fraction, PortOneJson.Options));
    }
}
