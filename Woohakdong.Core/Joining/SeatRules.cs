using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Joining;

/// <summary>The pure arithmetic of seats, shared by the services and their unit tests.</summary>
public static class SeatRules
{
    public static int SeatsLeft(int seatLimit, int seatsTaken) => Math.Max(0, seatLimit - seatsTaken);

    /// <summary>A limit may go down, but never below the seats already taken (members and live holds).</summary>
    public static bool CanSetLimit(int newLimit, int seatsTaken) => newLimit >= seatsTaken;

    public static DateTimeOffset HoldExpiresAt(DateTimeOffset heldAt, TimeSpan holdDuration) => heldAt + holdDuration;

    /// <summary>The same bounds as the club form's fee and limit; throws the first problem.</summary>
    public static void ValidateTerms(int seatLimit, long amount)
    {
        if (seatLimit is < 1 or > ClubRules.SeatLimitMax) throw AppException.Validation(ErrorCodes.SeatLimitInvalid, "seatLimit");
        if (amount < 0) throw AppException.Validation(ErrorCodes.FeeNegative, "amount");
        if (amount > ClubRules.FeeMax) throw AppException.Validation(ErrorCodes.FeeTooHigh, "amount");
    }
}
