using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Joining;

/// <summary>The pure arithmetic of seats, shared by the services and their unit tests.</summary>
public static class SeatRules
{
    public static int SeatsLeft(int seatLimit, int seatsTaken) => Math.Max(0, seatLimit - seatsTaken);

    /// <summary>The seats the crowd may take: none while anyone waits in the pool's waitlist (freed seats are theirs).</summary>
    public static int SeatsLeftToCrowd(SeatPool pool) => pool.Waitlisted > 0 ? 0 : SeatsLeft(pool.SeatLimit, pool.SeatsTaken);

    /// <summary>Whether the pool has a freed seat its waitlist has not been offered yet.</summary>
    public static bool OwesWaitlist(SeatPool pool) => pool.Waitlisted > 0 && pool.SeatsTaken < pool.SeatLimit;

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
