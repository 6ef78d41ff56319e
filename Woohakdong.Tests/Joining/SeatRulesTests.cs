using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;

namespace Woohakdong.Tests.Joining;

public sealed class SeatRulesTests
{
    [Theory]
    [InlineData(50, 0, 50)]
    [InlineData(50, 49, 1)]
    [InlineData(50, 50, 0)]
    [InlineData(10, 12, 0)]
    public void Seats_left_is_the_limit_minus_the_seats_taken_never_negative(int limit, int taken, int left) =>
        Assert.Equal(left, SeatRules.SeatsLeft(limit, taken));

    [Theory]
    [InlineData(5, 3, true)]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    public void A_limit_may_be_lowered_to_the_seats_taken_but_not_below(int newLimit, int taken, bool allowed) =>
        Assert.Equal(allowed, SeatRules.CanSetLimit(newLimit, taken));

    [Fact]
    public void A_hold_expires_its_duration_after_it_was_taken()
    {
        var heldAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, KoreanTime.Offset);

        var expiresAt = SeatRules.HoldExpiresAt(heldAt, TimeSpan.FromMinutes(10));

        Assert.Equal(heldAt.AddMinutes(10), expiresAt);
    }

    [Theory]
    [InlineData(0, 0, ErrorCodes.SeatLimitInvalid)]
    [InlineData(10_001, 0, ErrorCodes.SeatLimitInvalid)]
    [InlineData(10, -1, ErrorCodes.FeeNegative)]
    [InlineData(10, 10_000_001, ErrorCodes.FeeTooHigh)]
    public void Group_terms_out_of_bounds_are_refused(int seatLimit, long amount, string code)
    {
        var error = Assert.Throws<AppException>(() => SeatRules.ValidateTerms(seatLimit, amount));

        Assert.Equal((ErrorKind.Validation, code), (error.Kind, error.Code));
    }
}
