using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Joining;

/// <summary>
/// A club's recruitment for one term (the seed's <c>groupId</c>): the truth for that term's fee and seat limit.
/// <see cref="SeatsTaken"/> counts members admitted through the group plus live seat holds; the database
/// keeps it within 0..<see cref="SeatLimit"/> by conditional updates and a CHECK constraint.
/// </summary>
public sealed class JoinGroup : IAuditable
{
    public long Id { get; set; }
    public long ClubId { get; set; }
    public Club Club { get; set; } = null!;
    public string TermKey { get; set; } = "";
    /// <summary>Join fee in won (the seed's <c>groupAmount</c>); 0 is a free group.</summary>
    public long Amount { get; set; }
    public int SeatLimit { get; set; }
    public int SeatsTaken { get; set; }
    /// <summary>The officers' switch; whether the group is open right now is <see cref="Recruitment"/>'s answer.</summary>
    public bool Recruiting { get; set; }
    public JoinPolicy Policy { get; set; } = JoinPolicy.FirstCome;
    /// <summary>The recruitment period (모집 기간); null ends are open.</summary>
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>The membership a seat in this group gives: a plain member of the club for the group's term.</summary>
    public ClubMembership NewMember(Guid userId) =>
        new() { ClubId = ClubId, UserId = userId, TermKey = TermKey, Role = ClubRole.Member, JoinGroupId = Id };

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
