using System.Text.Json.Serialization;

namespace Woohakdong.Core.Payments;

/// <summary>Where a join order stands; the allowed moves between these live in <see cref="OrderTransitions"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Saved, seat held, waiting for the payment.</summary>
    Pending = 0,
    /// <summary>A verified payment is held for this order; it is owed either a membership or a refund.</summary>
    Paid = 1,
    Completed = 2,
    Failed = 3,
    Expired = 4,
    Refunded = 5,
}

/// <summary>Who moved an order, written to its history with every transition.</summary>
public enum OrderCause
{
    Webhook = 0,
    Callback = 1,
    Redirect = 2,
    Api = 3,
    Reconciler = 4,
    Admin = 5,
}
