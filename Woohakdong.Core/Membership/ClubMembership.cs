using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Membership;

/// <summary>One person's place in one club for one term. Unique per (club, user, term).</summary>
public sealed class ClubMembership : IAuditable, IGrantedSeat
{
    public long Id { get; set; }
    public long ClubId { get; set; }
    public Club Club { get; set; } = null!;
    public Guid UserId { get; set; }
    public AppUser User { get; set; } = null!;
    public string TermKey { get; set; } = "";
    public ClubRole Role { get; set; }
    /// <summary>The join group this member was admitted through; null for officers a club starts or carries over with.</summary>
    public long? JoinGroupId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }

    public Term Term => Term.Parse(TermKey);
}
