using System.Linq.Expressions;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Joining;

/// <summary>
/// The one "open now" rule: the officers' switch is on and the clock is inside the recruitment period (either end may be
/// open). First-come seats (<c>SeatCounter</c>, in SQL) and applying both ask it; it reads the time, never a stored flag
/// that a sweep would have to keep up to date.
/// </summary>
public static class Recruitment
{
    /// <summary>Over the pools' table, for the guarded counter update (<see cref="MembershipGrant"/>).</summary>
    public static Expression<Func<SeatPool, bool>> OpenAt(DateTimeOffset now) =>
        p => ((JoinGroup)p).Recruiting && (((JoinGroup)p).OpensAt == null || ((JoinGroup)p).OpensAt <= now)
            && (((JoinGroup)p).ClosesAt == null || ((JoinGroup)p).ClosesAt > now);

    public static bool IsOpen(JoinGroup group, DateTimeOffset now) =>
        group.Recruiting && (group.OpensAt is not { } opens || opens <= now) && (group.ClosesAt is not { } closes || closes > now);

    /// <summary>A period must end after it starts.</summary>
    public static void ValidatePeriod(DateTimeOffset? opensAt, DateTimeOffset? closesAt)
    {
        if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
            throw AppException.Validation(ErrorCodes.RecruitmentPeriodInvalid, "closesAt");
    }
}
