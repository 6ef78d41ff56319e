using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Events;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Membership;

/// <summary>
/// The roster's rows as the screen, /v1 and the roster export all show them: one term, optionally one role and a name
/// or e-mail search, officers first, each with the join fee paid (none when the member has no completed order) and their
/// attendance at the term's events (<see cref="RosterAttendance"/>), all in one statement.
/// </summary>
internal static class RosterRows
{
    public static IQueryable<RosterEntry> Of(AppDbContext db, long clubId, string termKey, string search = "", ClubRole? role = null)
    {
        var members = db.Memberships.AsNoTracking().Where(m => m.ClubId == clubId && m.TermKey == termKey);
        if (search.Length > 0)
            members = members.Where(m => m.User.DisplayName.ToLower().Contains(search) || m.User.Email!.ToLower().Contains(search));
        if (role is { } only) members = members.Where(m => m.Role == only);
        var events = TermEvents(db, clubId, termKey);
        var checkIns = db.EventSignups.Where(s => s.CheckedInAt != null && events.Any(e => e.Id == s.EventId));
        return members
            .OrderByDescending(m => m.Role).ThenBy(m => m.User.DisplayName).ThenBy(m => m.Id)
            .Select(m => new RosterEntry(
                m.Id, m.UserId, m.User.DisplayName, m.User.Email ?? "", m.User.School, m.User.Major,
                m.User.StudentNumber, m.User.Phone, m.Role, m.TermKey, m.CreatedAt,
                db.JoinOrders.Where(o => o.UserId == m.UserId && o.PoolId == m.JoinGroupId && o.Status == OrderStatus.Completed)
                    .Select(o => (long?)o.Amount).FirstOrDefault(),
                events.Any()
                    ? new RosterAttendance(checkIns.Count(s => s.UserId == m.UserId), checkIns.Select(s => s.EventId).Distinct().Count())
                    : null));
    }

    /// <summary>The club's published events of the term: the ones attendance is taken at.</summary>
    public static IQueryable<ClubEvent> TermEvents(AppDbContext db, long clubId, string termKey) =>
        db.Events.Where(e => e.ClubId == clubId && e.TermKey == termKey && e.Status == EventStatus.Published);
}
