using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments;

/// <summary>
/// A paid seat in a pool (joining a club, or signing up to an event: the name is from when joining was the only kind): the
/// seat <see cref="HoldId"/> kept while the student pays <see cref="Amount"/> (copied from the pool when the order was made)
/// under <see cref="MerchantUid"/>. Its status only moves through <see cref="OrderLedger"/> (or, many at once, <see cref="BulkCompletion"/>).
/// </summary>
public sealed class JoinOrder : IAuditable
{
    public long Id { get; set; }
    public string MerchantUid { get; set; } = "";
    public long ClubId { get; set; }
    public long PoolId { get; set; }
    public Guid UserId { get; set; }
    public long Amount { get; set; }
    public long HoldId { get; set; }
    public DateTimeOffset HoldExpiresAt { get; set; }
    public OrderStatus Status { get; set; }
    /// <summary>The PortOne API the order was made with; its payment is only ever asked about, or refunded, there.</summary>
    public GatewayVersion GatewayVersion { get; set; } = GatewayVersion.V1;
    /// <summary>The gateway's payment this order was settled with (V1's imp_uid, V2's paymentId); set when it became Paid.</summary>
    public string? ImpUid { get; set; }
    /// <summary>Why a held payment is being (or was) refunded; null while it is to be honoured.</summary>
    public string? RefundReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>One transition of an order; rows are only ever added.</summary>
public sealed class OrderHistory
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public OrderStatus From { get; set; }
    public OrderStatus To { get; set; }
    public OrderCause Cause { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Money given back through the gateway: its own row, never an edit of the order's amount.</summary>
public sealed class PaymentRefund
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public string ImpUid { get; set; } = "";
    public long Amount { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The gateway's total cancelled on that payment after this refund.</summary>
    public long GatewayCancelledTotal { get; set; }
    public DateTimeOffset RefundedAt { get; set; }
}
