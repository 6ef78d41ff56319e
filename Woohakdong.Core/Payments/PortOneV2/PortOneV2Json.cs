using System.Text.Json;
using System.Text.Json.Serialization;

namespace Woohakdong.Core.Payments.PortOneV2;

/// <summary>
/// The fields of V2's payment union (its <c>status</c> is the discriminator) that settling an order needs; every other
/// field, and any the union gains later, is ignored.
/// </summary>
internal sealed record PortOneV2PaymentJson(
    string Id, string? Status, string? StoreId, PortOneV2AmountJson? Amount, string? Currency, DateTimeOffset? PaidAt,
    PortOneV2FailureJson? Failure)
{
    public GatewayPayment ToGatewayPayment(string? ourStoreId) => new(
        Id, Id, Amount?.Total ?? 0, Amount?.Cancelled ?? 0, Currency ?? "",
        Status switch
        {
            // A virtual account was issued, not paid into: like V1's "ready", it settles nothing.
            "READY" or "PAY_PENDING" or "VIRTUAL_ACCOUNT_ISSUED" => GatewayPaymentStatus.Ready,
            // V1 also reports a partly cancelled payment as paid, with its cancelled amount.
            "PAID" or "PARTIAL_CANCELLED" => GatewayPaymentStatus.Paid,
            "CANCELLED" => GatewayPaymentStatus.Cancelled,
            "FAILED" => GatewayPaymentStatus.Failed,
            _ => throw new PaymentGatewayException($"Unknown payment status '{Status}' for {Id}."),
        },
        PaidAt,
        string.IsNullOrEmpty(Failure?.Reason) ? null : Failure.Reason,
        OtherStore: ourStoreId is not null && StoreId is not null && StoreId != ourStoreId);
}

internal sealed record PortOneV2AmountJson(long Total, long Paid, long Cancelled);

internal sealed record PortOneV2FailureJson(string? Reason);

/// <summary>V2's error answer: a SCREAMING_SNAKE <c>type</c> with a message, under a real HTTP status.</summary>
internal sealed record PortOneV2ErrorJson(string? Type, string? Message);

internal static class PortOneV2Json
{
    public const string PaymentNotFound = "PAYMENT_NOT_FOUND";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
