using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Enrollment;

/// <summary>After a committed seat change: clears this instance's sold-out flag at once and tells the others.</summary>
public sealed class SeatChanges(SoldOutGroups soldOut, IEventChannel<SeatsChanged> events)
{
    /// <summary>Reads the pool's seats left, announces them and returns them.</summary>
    public async Task<int> AnnounceAsync(AppDbContext db, long poolId, CancellationToken ct)
    {
        var seats = await db.SeatPools.AsNoTracking().Where(g => g.Id == poolId)
            .Select(g => new { g.SeatLimit, g.SeatsTaken }).SingleAsync(ct);
        var seatsLeft = SeatRules.SeatsLeft(seats.SeatLimit, seats.SeatsTaken);
        if (seatsLeft > 0) soldOut.Clear(poolId);
        await events.PublishAsync(new SeatsChanged(poolId, seatsLeft));
        return seatsLeft;
    }
}
