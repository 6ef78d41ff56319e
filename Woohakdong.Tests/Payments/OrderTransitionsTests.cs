using Woohakdong.Core.Payments;

namespace Woohakdong.Tests.Payments;

public sealed class OrderTransitionsTests
{
    private static readonly HashSet<(OrderStatus, OrderStatus)> Expected =
    [
        (OrderStatus.Pending, OrderStatus.Paid),
        (OrderStatus.Pending, OrderStatus.Failed),
        (OrderStatus.Pending, OrderStatus.Expired),
        (OrderStatus.Paid, OrderStatus.Completed),
        (OrderStatus.Paid, OrderStatus.Refunded),
        (OrderStatus.Completed, OrderStatus.Refunded),
        (OrderStatus.Failed, OrderStatus.Paid),
        (OrderStatus.Expired, OrderStatus.Paid),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryPair()
    {
        var pairs = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
            foreach (var to in Enum.GetValues<OrderStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_the_listed_transitions_are_allowed(OrderStatus from, OrderStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), OrderTransitions.IsAllowed(from, to));

    [Fact]
    public void Only_completed_and_refunded_orders_are_final() =>
        Assert.Equal(
            [OrderStatus.Completed, OrderStatus.Refunded],
            Enum.GetValues<OrderStatus>().Where(OrderTransitions.IsFinal));

    [Fact]
    public void A_payment_is_always_recorded_as_paid_before_it_is_refunded() =>
        Assert.False(OrderTransitions.IsAllowed(OrderStatus.Pending, OrderStatus.Refunded));

    [Theory]
    [InlineData("wh_0123456789abcdef0123456789abcdef", true)]
    [InlineData("order-2026_04-01", true)]
    [InlineData("", false)]
    [InlineData("주문번호", false)]
    [InlineData("has space", false)]
    [InlineData("a123456789b123456789c123456789d1234567890", false)]
    public void Merchant_uids_are_up_to_40_letters_digits_underscores_or_hyphens(string merchantUid, bool valid) =>
        Assert.Equal(valid, MerchantUids.IsValid(merchantUid));

    [Fact]
    public void A_generated_merchant_uid_is_valid() => Assert.True(MerchantUids.IsValid(MerchantUids.New()));
}
