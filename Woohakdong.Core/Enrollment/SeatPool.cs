using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>What a pool's seat grants: a club membership for the term, or a place at an event.</summary>
public enum PoolKind
{
    Join,
    Event,
}

/// <summary>
/// Seats with a limit: what the seat engine counts, holds and sells. A club's recruitment for a term (<c>JoinGroup</c>) is
/// one kind, an event another; they share the <c>SeatPools</c> table (one row per pool, <see cref="Kind"/> telling which).
/// <see cref="SeatsTaken"/> counts granted seats plus live holds; the database keeps it within 0..<see cref="SeatLimit"/>
/// by conditional updates and a CHECK constraint. Holds and orders belong to a pool; what its seat grants is its kind's
/// <see cref="ISeatGrant"/>.
/// </summary>
public abstract class SeatPool : IAuditable
{
    public long Id { get; set; }
    public PoolKind Kind { get; set; }
    public long ClubId { get; set; }
    public Club Club { get; set; } = null!;
    /// <summary>The term the pool's money is booked in (an event: the term of its start in KST).</summary>
    public string TermKey { get; set; } = "";
    /// <summary>The price of a seat in won; 0 is free.</summary>
    public long Amount { get; set; }
    public int SeatLimit { get; set; }
    public int SeatsTaken { get; set; }
    /// <summary>
    /// Students waiting in the pool's waitlist. While any wait, a freed seat is theirs, offered in line, and the crowd's
    /// guarded update takes none (<see cref="SeatCounter"/>); kept by the same statements that move the waitlist.
    /// </summary>
    public int Waitlisted { get; set; }

    /// <summary>
    /// Whether the seats go by an officer's approval rather than to the crowd: such a pool is never remembered as sold
    /// out, since an approved student's own held seat must never make their payment look full.
    /// </summary>
    public virtual bool SeatsGoByApproval => false;

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
