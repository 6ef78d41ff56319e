using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Events;

/// <summary>The one "an officer of this event's club" check the event services share.</summary>
internal static class EventOfficers
{
    /// <summary>The event, when the caller is 임원 or above of its club; EVENT_NOT_FOUND or FORBIDDEN otherwise.</summary>
    public static async Task<ClubEvent> RequireAsync(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, long eventId, CancellationToken ct)
    {
        ClubEvent clubEvent;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            clubEvent = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct)
                ?? throw AppException.NotFound(ErrorCodes.EventNotFound);
        await access.RequireAsync(clubEvent.ClubId, RolePolicy.CanEditClub, ct);
        return clubEvent;
    }
}
