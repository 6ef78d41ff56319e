using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// The database's own guard of the seat limit: single conditional statements, so two writers can never both
/// take the last seat, whether or not they held the lock. Call inside the transaction of the row they count.
/// </summary>
internal static class SeatCounter
{
    /// <summary>A seat for the crowd: only while the group is open (<see cref="Recruitment"/>) at <paramref name="now"/>.</summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, long groupId, DateTimeOffset now, CancellationToken ct) =>
        await db.JoinGroups
            .Where(g => g.Id == groupId && g.SeatsTaken < g.SeatLimit).Where(Recruitment.OpenAt(now))
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1), ct) == 1;

    /// <summary>A seat for an approved application: within the limit, whether or not the period is still open (clubs decide after it).</summary>
    public static async Task<bool> TryTakeApprovedAsync(AppDbContext db, long groupId, CancellationToken ct) =>
        await db.JoinGroups
            .Where(g => g.Id == groupId && g.SeatsTaken < g.SeatLimit)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + 1), ct) == 1;

    public static async Task<bool> FreeAsync(AppDbContext db, long groupId, CancellationToken ct) =>
        await db.JoinGroups
            .Where(g => g.Id == groupId && g.SeatsTaken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken - 1), ct) == 1;

    /// <summary>Moves a hold from one state to another if nobody else moved it first.</summary>
    public static async Task<bool> TryMoveHoldAsync(
        AppDbContext db, long holdId, HoldState from, HoldState to, DateTimeOffset now, CancellationToken ct) =>
        await db.SeatHolds
            .Where(h => h.Id == holdId && h.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.State, to).SetProperty(h => h.UpdatedAt, now), ct) == 1;
}
