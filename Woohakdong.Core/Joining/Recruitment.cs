using System.Linq.Expressions;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Joining;

/// <summary>
/// The one "open now" rule: the officers' switch is on and the clock is inside the recruitment period (either end may be
/// open). First-come seats (<c>SeatCounter</c>, in SQL) and applying both ask it; it reads the time, never a stored flag
/// that a sweep would have to keep up to date.
/// </summary>
public static class Recruitment
{
    public static Expression<Func<JoinGroup, bool>> OpenAt(DateTimeOffset now) =>
        g => g.Recruiting && (g.OpensAt == null || g.OpensAt <= now) && (g.ClosesAt == null || g.ClosesAt > now);

    public static bool IsOpen(JoinGroup group, DateTimeOffset now) =>
        group.Recruiting && (group.OpensAt is not { } opens || opens <= now) && (group.ClosesAt is not { } closes || closes > now);

    /// <summary>A period must end after it starts.</summary>
    public static void ValidatePeriod(DateTimeOffset? opensAt, DateTimeOffset? closesAt)
    {
        if (opensAt is { } opens && closesAt is { } closes && closes <= opens)
            throw AppException.Validation(ErrorCodes.RecruitmentPeriodInvalid, "closesAt");
    }
}
