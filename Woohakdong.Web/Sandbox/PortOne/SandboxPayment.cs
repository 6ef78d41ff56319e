namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>A payment as PortOne V1 reports it (serialized in snake_case). Times in unix seconds, 0 when not happened.</summary>
public sealed record SandboxPayment(
    string ImpUid,
    string MerchantUid,
    string? Name,
    long Amount,
    long CancelAmount,
    string Currency,
    string Status,
    string PayMethod,
    string PgProvider,
    string PgTid,
    string Channel,
    bool Sandbox,
    string? BuyerName,
    string? BuyerEmail,
    string? BuyerTel,
    string? CustomData,
    long StartedAt,
    long PaidAt,
    long FailedAt,
    long CancelledAt,
    string? FailReason,
    string? CancelReason,
    string? ReceiptUrl,
    IReadOnlyList<SandboxCancellation> CancelHistory)
{
    internal long UpdatedAt { get; init; }
    internal long Sequence { get; init; }
    [System.Text.Json.Serialization.JsonIgnore]
    public long Refundable => Amount - CancelAmount;
}

public sealed record SandboxCancellation(string PgTid, long Amount, long CancelledAt, string Reason, string CancellationId, string? ReceiptUrl);

public sealed record SandboxPrepared(string MerchantUid, long Amount, string? Currency);

public sealed record SandboxToken(string AccessToken, long Now, long ExpiredAt);

/// <summary>What a buyer (the checkout window or the control endpoint) submits for a payment.</summary>
public sealed record SandboxPurchase(
    string MerchantUid,
    long Amount,
    bool Paid,
    string Channel,
    string? Name = null,
    string? BuyerName = null,
    string? BuyerEmail = null,
    string? BuyerTel = null,
    string? CustomData = null);

/// <summary>A sandbox operation's result, or PortOne's Korean message when it refuses.</summary>
public sealed record SandboxResult<T>(T? Value, string? Error) where T : class
{
    public static SandboxResult<T> Ok(T value) => new(value, null);
    public static SandboxResult<T> Refused(string error) => new(null, error);
}
