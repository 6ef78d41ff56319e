using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Joining;

/// <summary>
/// A club's recruitment for one term (the seed's <c>groupId</c>): the seat pool whose seat is a membership, and the
/// truth for that term's fee (<see cref="SeatPool.Amount"/>, the seed's <c>groupAmount</c>) and seat limit.
/// </summary>
public sealed class JoinGroup : SeatPool
{
    public JoinGroup() => Kind = PoolKind.Join;
    /// <summary>The officers' switch; whether the group is open right now is <see cref="Recruitment"/>'s answer.</summary>
    public bool Recruiting { get; set; }
    public JoinPolicy Policy { get; set; } = JoinPolicy.FirstCome;
    /// <summary>The recruitment period (모집 기간); null ends are open.</summary>
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }

    public override bool SeatsGoByApproval => Policy == JoinPolicy.Application;

    /// <summary>The membership a seat in this group gives: a plain member of the club for the group's term.</summary>
    public ClubMembership NewMember(Guid userId) =>
        new() { ClubId = ClubId, UserId = userId, TermKey = TermKey, Role = ClubRole.Member, JoinGroupId = Id };
}
