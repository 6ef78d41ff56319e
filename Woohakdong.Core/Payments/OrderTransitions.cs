namespace Woohakdong.Core.Payments;

/// <summary>
/// The one list of allowed order transitions. Every payment that arrives is first recorded as <see cref="OrderStatus.Paid"/>
/// (money held, an action owed), also for an order that had already failed or expired; from there it is either honoured
/// (Completed) or refunded. So there is no Pending → Refunded shortcut: a refund is always claimed, retried after a
/// crash and audited the same way, from Paid.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Pending] = [OrderStatus.Paid, OrderStatus.Failed, OrderStatus.Expired],
        [OrderStatus.Paid] = [OrderStatus.Completed, OrderStatus.Refunded],
        // A late payment for an order that gave up its seat: held, then refunded.
        [OrderStatus.Failed] = [OrderStatus.Paid],
        [OrderStatus.Expired] = [OrderStatus.Paid],
        // A 총무 gives a member's fee back (e.g. the member leaves); no payment ever moves a completed order.
        [OrderStatus.Completed] = [OrderStatus.Refunded],
        [OrderStatus.Refunded] = [],
    };

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    /// <summary>No payment may change an order in one of these any more.</summary>
    public static readonly IReadOnlyList<OrderStatus> Final = [OrderStatus.Completed, OrderStatus.Refunded];

    public static bool IsFinal(OrderStatus status) => Final.Contains(status);
}
