using Woohakdong.Core.Data;

namespace Woohakdong.Core.Overview;

/// <summary>What an officer should look at now. A feature adds a kind here, a source below and its text and tab in the UI.</summary>
public enum NeedKind
{
    /// <summary>Applications waiting for a decision (SUBMITTED or INTERVIEW).</summary>
    PendingApplications,
    /// <summary>Approved applications whose seat is held until an unpaid deadline; <see cref="OverviewNeed.Due"/> is the earliest.</summary>
    UnpaidApprovals,
    OverdueLoans,
}

/// <param name="Due">The most pressing deadline among them, when the kind has one.</param>
public sealed record OverviewNeed(NeedKind Kind, int Count, DateTimeOffset? Due = null);

/// <summary>
/// One feature's contribution to the overview's "needs an officer" list, counted by the database. Every registered source
/// is asked, so a new feature (events and their fill) adds a source without touching the others.
/// </summary>
public interface IOverviewNeeds
{
    Task<IReadOnlyList<OverviewNeed>> CountAsync(AppDbContext db, long clubId, DateTimeOffset now, CancellationToken ct);
}
