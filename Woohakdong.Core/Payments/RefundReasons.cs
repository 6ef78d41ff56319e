namespace Woohakdong.Core.Payments;

/// <summary>Why a payment was given back; stored on the order, its history and its refund row.</summary>
public static class RefundReasons
{
    public const string AmountMismatch = "AMOUNT_MISMATCH";
    public const string CurrencyMismatch = "CURRENCY_MISMATCH";
    /// <summary>PortOne V2 says the payment was made to another of the merchant's stores, not to ours.</summary>
    public const string StoreMismatch = "STORE_MISMATCH";
    public const string GroupClosed = "GROUP_CLOSED";
    public const string SeatGone = "SEAT_GONE";
    /// <summary>The payment arrived after the order had failed or expired.</summary>
    public const string OrderClosed = "ORDER_CLOSED";
    /// <summary>Another order of the same student already completed this term's membership.</summary>
    public const string AlreadyMember = "ALREADY_MEMBER";
    /// <summary>The payment was cancelled at the gateway (e.g. in PortOne's console) before we acted on it.</summary>
    public const string CancelledAtGateway = "CANCELLED_AT_GATEWAY";
}
