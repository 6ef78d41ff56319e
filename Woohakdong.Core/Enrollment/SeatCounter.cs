using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// The database's own guard of the seat limit: single conditional statements, so two writers can never both
/// take the last seat, whether or not they held the lock. Call inside the transaction of the row they count.
/// </summary>
internal static class SeatCounter
{
    /// <summary>
    /// Up to <paramref name="wanted"/> seats for the crowd in one guarded update (fewer when fewer are left): how many were
    /// taken, 0 when the pool is full (or its freed seats are owed to its waitlist), null when it is not open to the crowd
    /// at <paramref name="now"/>.
    /// </summary>
    public static async Task<int?> TakeUpToAsync(AppDbContext db, ISeatGrant grant, long poolId, int wanted, DateTimeOffset now, CancellationToken ct)
    {
        var open = db.SeatPools.Where(g => g.Id == poolId).Where(grant.OpenAt(now));
        while (true)
        {
            var seats = wanted;
            if (await open.Where(g => g.SeatsTaken + seats <= g.SeatLimit && g.Waitlisted == 0)
                    .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + seats), ct) == 1)
                return seats;
            // Fewer seats left than wanted (or none, or closed): ask how many, and try for those.
            var left = await open.Select(g => (int?)(g.Waitlisted > 0 ? 0 : g.SeatLimit - g.SeatsTaken)).SingleOrDefaultAsync(ct);
            if (left is null) return null;
            if (left <= 0) return 0;
            wanted = Math.Min(wanted, left.Value);
        }
    }

    /// <summary>A seat for an approved application: within the limit, whether or not the period is still open (clubs decide after it).</summary>
    public static async Task<bool> TryTakeApprovedAsync(AppDbContext db, long poolId, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && g.SeatsTaken < g.SeatLimit)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1), ct) == 1;

    /// <summary>
    /// A freed seat for the first in the waitlist: taken and the waiter counted out in one guarded statement, so each
    /// freed seat is offered once, however many instances offer at the same moment.
    /// </summary>
    public static async Task<bool> TakeForWaitlistAsync(AppDbContext db, long poolId, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && g.SeatsTaken < g.SeatLimit && g.Waitlisted > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1)
                .SetProperty(g => g.Waitlisted, g => g.Waitlisted - 1), ct) == 1;

    /// <summary>Counts one more waiter, only while the crowd has no seat to take (full, or others already waiting).</summary>
    public static async Task<bool> TryJoinWaitlistAsync(AppDbContext db, long poolId, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && (g.SeatsTaken >= g.SeatLimit || g.Waitlisted > 0))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Waitlisted, g => g.Waitlisted + 1), ct) == 1;

    /// <summary>Counts out waiters who left the waitlist without a seat (in the transaction that moved them).</summary>
    public static Task<int> LeaveWaitlistAsync(AppDbContext db, long poolId, int leaving, CancellationToken ct) =>
        db.SeatPools.Where(g => g.Id == poolId && g.Waitlisted >= leaving)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.Waitlisted, g => g.Waitlisted - leaving), ct);

    public static async Task<bool> FreeAsync(AppDbContext db, long poolId, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && g.SeatsTaken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken - 1), ct) == 1;

    /// <summary>Moves a hold from one state to another if nobody else moved it first.</summary>
    public static async Task<bool> TryMoveHoldAsync(
        AppDbContext db, long holdId, HoldState from, HoldState to, DateTimeOffset now, CancellationToken ct) =>
        await db.SeatHolds
            .Where(h => h.Id == holdId && h.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.State, to).SetProperty(h => h.UpdatedAt, now), ct) == 1;
}
