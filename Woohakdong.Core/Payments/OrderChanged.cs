namespace Woohakdong.Core.Payments;

/// <summary>An order's status was committed by <see cref="OrderLedger"/>; carried on the <c>orders</c> channel.</summary>
public sealed record OrderChanged(long OrderId, OrderStatus Status);
