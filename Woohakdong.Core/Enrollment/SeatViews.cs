using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Enrollment;

/// <summary>A student admitted: <c>201 {membershipId, role}</c>.</summary>
public sealed record Admission(long MembershipId, ClubRole Role)
{
    /// <summary>A join group's seat is always a membership (<c>MembershipGrant</c>).</summary>
    public static Admission Of(IGrantedSeat seat) => seat is ClubMembership membership
        ? new Admission(membership.Id, membership.Role)
        : throw new InvalidOperationException($"A {seat.GetType().Name} is not a membership.");
}

/// <summary>A seat kept for a paid seat until <see cref="ExpiresAt"/>.</summary>
public sealed record HoldView(long HoldId, long PoolId, DateTimeOffset ExpiresAt);

/// <summary>The seat an approval took: a membership (free group) or a hold until the payment deadline (paid group).</summary>
public sealed record ApprovedSeat(ClubMembership? Membership, SeatHold? Hold);
