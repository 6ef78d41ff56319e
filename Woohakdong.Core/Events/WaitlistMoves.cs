using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Events;

/// <summary>The one guarded move of waitlist entries: only entries still in <c>from</c> move, once; how many moved.</summary>
internal static class WaitlistMoves
{
    public static Task<int> TryMoveAsync(
        AppDbContext db, long entryId, WaitlistStatus from, WaitlistStatus to, DateTimeOffset now, CancellationToken ct,
        Action<UpdateSettersBuilder<WaitlistEntry>>? alsoSet = null) =>
        MoveAsync(db.WaitlistEntries.Where(w => w.Id == entryId), from, to, now, ct, alsoSet);

    public static Task<int> MoveAsync(
        IQueryable<WaitlistEntry> entries, WaitlistStatus from, WaitlistStatus to, DateTimeOffset now, CancellationToken ct,
        Action<UpdateSettersBuilder<WaitlistEntry>>? alsoSet = null) =>
        entries.Where(w => w.Status == from).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(w => w.Status, to).SetProperty(w => w.UpdatedAt, now);
            alsoSet?.Invoke(set);
        }, ct);
}
