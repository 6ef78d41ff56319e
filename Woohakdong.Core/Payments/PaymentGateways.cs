using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The gateway of each version, and the one new orders use (<c>PortOne:Version</c>). Everything about an existing order
/// goes to <see cref="For"/> its own version, so switching the setting strands no order. Of several gateways registered
/// for one version the last wins, as with any service (so a test's stand-in for PortOne replaces the real client).
/// </summary>
public sealed class PaymentGateways(IEnumerable<IPaymentGateway> gateways, IOptions<PortOneOptions> options)
{
    private readonly IReadOnlyDictionary<GatewayVersion, IPaymentGateway> byVersion =
        gateways.GroupBy(g => g.Version).ToDictionary(same => same.Key, same => same.Last());

    /// <summary>The version new orders are made with.</summary>
    public GatewayVersion Current => options.Value.Version;

    public IPaymentGateway ForNewOrders => For(Current);

    public IPaymentGateway For(GatewayVersion version) =>
        byVersion.TryGetValue(version, out var gateway)
            ? gateway
            : throw new InvalidOperationException($"No payment gateway is registered for PortOne {version}.");

    public IPaymentGateway For(JoinOrder order) => For(order.GatewayVersion);
}
