using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// The database's own guard of the seat limit: single conditional statements, so two writers can never both
/// take the last seat, whether or not they held the lock. Call inside the transaction of the row they count.
/// </summary>
internal static class SeatCounter
{
    /// <summary>A seat for the crowd: only while the pool is open to it (its kind's <see cref="ISeatGrant.OpenAt"/>) at <paramref name="now"/>.</summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, ISeatGrant grant, long poolId, DateTimeOffset now, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && g.SeatsTaken < g.SeatLimit).Where(grant.OpenAt(now))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1), ct) == 1;

    /// <summary>A seat for an approved application: within the limit, whether or not the period is still open (clubs decide after it).</summary>
    public static async Task<bool> TryTakeApprovedAsync(AppDbContext db, long poolId, CancellationToken ct) =>
        await db.SeatPools
            .Where(g => g.Id == poolId && g.SeatsTaken < g.SeatLimit)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1), ct) == 1;

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
