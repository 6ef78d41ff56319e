using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Enrollment;

/// <summary>A student admitted: <c>201 {membershipId, role}</c>.</summary>
public sealed record Admission(long MembershipId, ClubRole Role);

/// <summary>A seat kept for a paid join until <see cref="ExpiresAt"/>.</summary>
public sealed record HoldView(long HoldId, long GroupId, DateTimeOffset ExpiresAt);

/// <summary>The seat an approval took: a membership (free group) or a hold until the payment deadline (paid group).</summary>
public sealed record ApprovedSeat(ClubMembership? Membership, SeatHold? Hold);
