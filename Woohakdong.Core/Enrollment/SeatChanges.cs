using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// After a committed seat change: updates this instance's sold-out memory at once (a seat left clears it, none left
/// marks it) and tells the others, whose listeners do the same. A freed seat owed to the pool's waitlist wakes this
/// instance's offers (<see cref="FreedSeats"/>).
/// </summary>
public sealed class SeatChanges(SoldOutGroups soldOut, IEventChannel<SeatsChanged> events, FreedSeats freedSeats)
{
    /// <summary>Reads the pool's seats left, announces them and returns them.</summary>
    public async Task<int> AnnounceAsync(AppDbContext db, long poolId, CancellationToken ct)
    {
        // Seen before the read: a seat freed after it clears the generation, and the mark below is then undone.
        var generation = soldOut.Observe(poolId);
        var pool = await db.SeatPools.AsNoTracking().SingleAsync(g => g.Id == poolId, ct);
        var seatsLeft = SeatRules.SeatsLeftToCrowd(pool);
        var soldOutToCrowd = seatsLeft == 0 && !pool.SeatsGoByApproval;
        if (soldOutToCrowd) soldOut.MarkFull(poolId, generation);
        else soldOut.Clear(poolId);
        if (SeatRules.OwesWaitlist(pool)) freedSeats.Announce();
        await events.PublishAsync(new SeatsChanged(poolId, seatsLeft, soldOutToCrowd));
        return seatsLeft;
    }
}
