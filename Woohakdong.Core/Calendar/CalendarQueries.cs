using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// Calendars, each one query over events whatever the number of clubs. A club's: published and cancelled events, its
/// MEMBERS events only for its members of this term, drafts only for its officers. 내 일정: the events I signed up for in
/// any club, and every published or cancelled event of the clubs I belong to this term. Visibility is evaluated at
/// read time, so a member who left sees no more member events, in a page or in a feed.
/// </summary>
public sealed class CalendarQueries(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TermRollover rollover, TimeProvider time)
{
    public const int UpcomingCount = 5;

    // Stands for an anonymous viewer in the membership subqueries: no account has the empty id.
    private static readonly Guid NoOne = Guid.Empty;

    public Task<ClubCalendar> ClubAsync(long clubId, CalendarRange range, CancellationToken ct = default) =>
        ClubForAsync(currentUser.UserId, clubId, range, ct);

    public Task<IReadOnlyList<CalendarEntry>> MineAsync(CalendarRange range, CancellationToken ct = default) =>
        MineForAsync(currentUser.RequireUserId(), range, ct);

    /// <summary>The club page's next published events the caller may see: ANYONE ones for visitors, member ones too for members.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> UpcomingAsync(long clubId, int count = UpcomingCount, CancellationToken ct = default)
    {
        var viewer = currentUser.UserId ?? NoOne;
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = await CurrentTermAsync(db, clubId, ct);
        var events = VisibleInClub(db, clubId, viewer, term)
            .Where(e => e.Status == EventStatus.Published && e.StartsAt >= now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(count);
        return await ProjectAsync(db, events, viewer, ct);
    }

    internal async Task<ClubCalendar> ClubForAsync(Guid? viewerId, long clubId, CalendarRange range, CancellationToken ct)
    {
        var viewer = viewerId ?? NoOne;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clubName = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.Name).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.ClubNotFound);
        var term = await CurrentTermAsync(db, clubId, ct);
        var events = VisibleInClub(db, clubId, viewer, term).Where(e => e.StartsAt >= range.Start && e.StartsAt < range.End);
        return new ClubCalendar(clubId, clubName, range.MonthKey, await ProjectAsync(db, events, viewer, ct));
    }

    internal async Task<IReadOnlyList<CalendarEntry>> MineForAsync(Guid userId, CalendarRange range, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = Term.Current(time);
        await rollover.EnsureForUserAsync(db, userId, term, ct);
        var (start, end, termKey) = (range.Start, range.End, term.Key);
        // A cancelled event gives its sign-ups back: they still put it, struck through, on the calendar of who had one.
        var events = db.Events.Where(e => e.StartsAt >= start && e.StartsAt < end && (
            db.EventSignups.Any(s => s.EventId == e.Id && s.UserId == userId && (s.Status != SignupStatus.Cancelled || e.Status == EventStatus.Cancelled))
            || e.Status != EventStatus.Draft && db.Memberships.Any(m => m.ClubId == e.ClubId && m.UserId == userId && m.TermKey == termKey)));
        return await ProjectAsync(db, events, userId, ct);
    }

    private async Task<string> CurrentTermAsync(AppDbContext db, long clubId, CancellationToken ct)
    {
        var term = Term.Current(time);
        await rollover.EnsureAsync(db, clubId, term, ct);
        return term.Key;
    }

    private static IQueryable<ClubEvent> VisibleInClub(AppDbContext db, long clubId, Guid viewer, string term) =>
        db.Events.Where(e => e.ClubId == clubId && (
            db.Memberships.Any(m => m.ClubId == clubId && m.UserId == viewer && m.TermKey == term && m.Role >= RolePolicy.Admin)
            || e.Status != EventStatus.Draft && (e.Audience == EventAudience.Anyone
                || db.Memberships.Any(m => m.ClubId == clubId && m.UserId == viewer && m.TermKey == term))));

    private static async Task<IReadOnlyList<CalendarEntry>> ProjectAsync(AppDbContext db, IQueryable<ClubEvent> events, Guid viewer, CancellationToken ct)
    {
        var rows = await events.AsNoTracking().Select(e => new CalendarEntry(
            e.Id, e.ClubId, e.Club.Name, e.Club.EnglishName, e.Title, e.Description, e.Place, e.StartsAt, e.EndsAt, e.Audience, e.Status,
            db.EventSignups.Any(s => s.EventId == e.Id && s.UserId == viewer && s.Status != SignupStatus.Cancelled))).ToListAsync(ct);
        return rows.OrderBy(e => e.StartsAt).ThenBy(e => e.EventId)
            .Select(e => e with { StartsAt = e.StartsAt.ToKst(), EndsAt = e.EndsAt.ToKst() }).ToList();
    }
}
