namespace Woohakdong.Core.Payments;

/// <summary>
/// What Woohakdong needs from a payment gateway. The server never trusts a caller's word about a payment: every
/// decision starts from <see cref="GetPaymentAsync"/> or <see cref="FindByMerchantUidAsync"/>. PortOne V1 and V2 are its
/// implementations; an order always talks to the one of its own <see cref="JoinOrder.GatewayVersion"/> (<see cref="PaymentGateways"/>).
/// A payment's id (called imp_uid after V1) is V1's <c>imp_uid</c> and V2's <c>paymentId</c>, which is our merchant_uid.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Which of PortOne's APIs this is; orders record it when they are made.</summary>
    GatewayVersion Version { get; }

    /// <summary>The payment, or null when the gateway does not know that id.</summary>
    Task<GatewayPayment?> GetPaymentAsync(string impUid, CancellationToken ct = default);

    /// <summary>The newest payment for an order, or null when none was ever started (the reconciler's question).</summary>
    Task<GatewayPayment?> FindByMerchantUidAsync(string merchantUid, CancellationToken ct = default);

    /// <summary>
    /// Several payments in one call, by imp_uid and by merchant_uid (at most <see cref="MaxPaymentsPerCall"/> ids in all);
    /// ids the gateway does not know are simply absent from the answer.
    /// </summary>
    Task<IReadOnlyList<GatewayPayment>> GetPaymentsAsync(IReadOnlyCollection<string> impUids, IReadOnlyCollection<string> merchantUids, CancellationToken ct = default);

    /// <summary>PortOne V1's limit for <see cref="GetPaymentsAsync"/> (V2 keeps it for the same batches).</summary>
    const int MaxPaymentsPerCall = 100;

    /// <summary>Registers the amount before the payment window opens, so the window refuses any other amount.</summary>
    Task PrepareAsync(string merchantUid, long amount, CancellationToken ct = default);

    /// <summary>
    /// Refunds <paramref name="amount"/> (the whole remainder when null). <paramref name="checksum"/> is the refundable
    /// balance we believe is left: the gateway refuses the cancel when it differs, which prevents refunding twice.
    /// </summary>
    Task<GatewayPayment> CancelAsync(string impUid, long? amount, long checksum, string reason, CancellationToken ct = default);
}

/// <summary>PortOne's API generations: V1 (<c>api.iamport.kr</c>) and V2 (<c>api.portone.io</c>). Stored by number.</summary>
public enum GatewayVersion
{
    V1 = 1,
    V2 = 2,
}

public enum GatewayPaymentStatus
{
    /// <summary>Not paid (yet): V1's ready; V2's READY, PAY_PENDING and VIRTUAL_ACCOUNT_ISSUED.</summary>
    Ready,
    Paid,
    Cancelled,
    Failed,
}

/// <summary>
/// A payment as the gateway reports it. Amounts in won; times in UTC, null when it has not happened. <see cref="OtherStore"/>:
/// the gateway says it was paid to another store than ours (V2's <c>storeId</c>; V1 has one store per key).
/// </summary>
public sealed record GatewayPayment(
    string ImpUid,
    string MerchantUid,
    long Amount,
    long CancelAmount,
    string Currency,
    GatewayPaymentStatus Status,
    DateTimeOffset? PaidAt,
    string? FailReason,
    bool OtherStore = false)
{
    public long Refundable => Amount - CancelAmount;
}

/// <summary>
/// The gateway answered with an error we cannot turn into a result (PortOne's envelope with <c>code != 0</c>, a 5xx,
/// a timeout). <see cref="GatewayMessage"/> keeps the gateway's own message for the order history and the logs.
/// </summary>
public sealed class PaymentGatewayException(string gatewayMessage, int? gatewayCode = null, Exception? inner = null)
    : Exception($"Payment gateway error{(gatewayCode is null ? "" : $" {gatewayCode}")}: {gatewayMessage}", inner)
{
    public string GatewayMessage { get; } = gatewayMessage;
    public int? GatewayCode { get; } = gatewayCode;
}
