using System.Text.Json;
using System.Text.Json.Serialization;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>PortOne V1's answer: <c>code == 0</c> is success, anything else an error described by <c>message</c>.</summary>
internal sealed record PortOneEnvelope<T>(int Code, string? Message, T? Response);

internal sealed record PortOneToken(string AccessToken, long Now, long ExpiredAt);

internal sealed record PortOnePaymentJson(
    string ImpUid,
    string? MerchantUid,
    [property: JsonConverter(typeof(WonConverter))] long Amount,
    [property: JsonConverter(typeof(WonConverter))] long CancelAmount,
    string? Currency,
    string? Status,
    long PaidAt,
    string? FailReason,
    bool Sandbox = false)
{
    public GatewayPayment ToGatewayPayment() => new(
        ImpUid,
        MerchantUid ?? "",
        Amount,
        CancelAmount,
        Currency ?? "",
        Status switch
        {
            "ready" => GatewayPaymentStatus.Ready,
            "paid" => GatewayPaymentStatus.Paid,
            "cancelled" => GatewayPaymentStatus.Cancelled,
            "failed" => GatewayPaymentStatus.Failed,
            _ => throw new PaymentGatewayException($"Unknown payment status '{Status}' for {ImpUid}."),
        },
        PaidAt > 0 ? DateTimeOffset.FromUnixTimeSeconds(PaidAt) : null,
        string.IsNullOrEmpty(FailReason) ? null : FailReason);
}

internal static class PortOneJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <summary>Won amounts: PortOne sends JSON numbers, sometimes as <c>10000.0</c>; a fraction of a won is refused.</summary>
internal sealed class WonConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when decimal.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonTokenType.Null => 0m,
            _ => throw new JsonException("An amount must be a number."),
        };
        if (decimal.Truncate(value) != value) throw new JsonException($"An amount in won has no fraction (was {value}).");
        return decimal.ToInt64(value);
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
