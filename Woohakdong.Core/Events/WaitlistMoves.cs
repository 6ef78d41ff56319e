using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

/// <summary>The one guarded move of waitlist entries: only entries still in <c>from</c> move, once; how many moved.</summary>
internal static class WaitlistMoves
{
    public static Task<int> TryMoveAsync(
        AppDbContext db, long entryId, WaitlistStatus from, WaitlistStatus to, DateTimeOffset now, CancellationToken ct,
        Action<UpdateSettersBuilder<WaitlistEntry>>? alsoSet = null) =>
        MoveAsync(db.WaitlistEntries.Where(w => w.Id == entryId), from, to, now, ct, alsoSet);

    /// <summary>
    /// A waiting place leaves the line without a seat (LEFT) and is counted out, in one transaction, the pool's row first
    /// (the order the offers take it in); false when the place was no longer waiting.
    /// </summary>
    public static async Task<bool> TryLeaveAsync(AppDbContext db, WaitlistEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await SeatCounter.LeaveWaitlistAsync(db, entry.EventId, 1, ct) == 0
            || await TryMoveAsync(db, entry.Id, WaitlistStatus.Waiting, WaitlistStatus.Left, now, ct) == 0)
            return false;
        await transaction.CommitAsync(ct);
        return true;
    }

    public static Task<int> MoveAsync(
        IQueryable<WaitlistEntry> entries, WaitlistStatus from, WaitlistStatus to, DateTimeOffset now, CancellationToken ct,
        Action<UpdateSettersBuilder<WaitlistEntry>>? alsoSet = null) =>
        entries.Where(w => w.Status == from).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(w => w.Status, to).SetProperty(w => w.UpdatedAt, now);
            alsoSet?.Invoke(set);
        }, ct);
}
