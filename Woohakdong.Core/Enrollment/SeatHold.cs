using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

public enum HoldState
{
    Held = 0,
    Converted = 1,
    Released = 2,
    Expired = 3,
}

/// <summary>
/// A seat kept for a student while they pay. It counts in its pool's seats taken while <see cref="HoldState.Held"/>;
/// every change of state is a conditional update from Held, so exactly one caller (convert, release, or an
/// instance's expiry sweep) ends it.
/// </summary>
public sealed class SeatHold : IAuditable
{
    public long Id { get; set; }
    public long PoolId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public HoldState State { get; set; }
    /// <summary>
    /// Kept for one named student until its own deadline: an approved application's seat (ApprovalHolds) or a waitlist's
    /// offer (WaitlistOffers). A failed payment does not give it back, and it never goes back to the crowd early.
    /// </summary>
    public bool Reserved { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
