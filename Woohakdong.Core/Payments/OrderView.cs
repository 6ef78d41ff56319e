namespace Woohakdong.Core.Payments;

/// <summary>An order as its owner sees it: <c>GET /v1/orders/{orderId}</c>.</summary>
public sealed record OrderView(long OrderId, string MerchantUid, long Amount, OrderStatus Status)
{
    public static OrderView Of(JoinOrder order) => new(order.Id, order.MerchantUid, order.Amount, order.Status);
}

/// <summary>What a webhook, callback or redirect tells us; only ever used to look the order and payment up.</summary>
/// <param name="ClientError">The browser's <c>error_code</c>: with no paid payment at the gateway, the order fails.</param>
public sealed record PaymentNotice(string? ImpUid, string? MerchantUid, string? ClientError = null);
