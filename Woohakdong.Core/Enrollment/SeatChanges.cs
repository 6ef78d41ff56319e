using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Enrollment;

/// <summary>After a committed seat change: clears this instance's sold-out flag at once and tells the others.</summary>
public sealed class SeatChanges(SoldOutGroups soldOut, IEventChannel<SeatsChanged> events)
{
    /// <summary>Reads the group's seats left, announces them and returns them.</summary>
    public async Task<int> AnnounceAsync(AppDbContext db, long groupId, CancellationToken ct)
    {
        var seats = await db.JoinGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.SeatLimit, g.SeatsTaken }).SingleAsync(ct);
        var seatsLeft = SeatRules.SeatsLeft(seats.SeatLimit, seats.SeatsTaken);
        if (seatsLeft > 0) soldOut.Clear(groupId);
        await events.PublishAsync(new SeatsChanged(groupId, seatsLeft));
        return seatsLeft;
    }
}
