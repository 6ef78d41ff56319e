using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Events;

/// <summary>A club's events: anyone reads the published ones; officers (임원 and above) create, edit, publish and cancel.</summary>
public sealed class EventService(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, SeatChanges changes,
    EventCancellation cancellation, NotificationOutbox outbox, TimeProvider time)
{
    /// <summary>Events starting in [from, to) (either end open), by start; drafts only for the club's officers.</summary>
    public async Task<IReadOnlyList<EventView>> ListAsync(long clubId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default)
    {
        var officer = RolePolicy.CanEditClub(await access.RoleAsync(clubId, ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Clubs.AnyAsync(c => c.Id == clubId, ct)) throw AppException.NotFound(ErrorCodes.ClubNotFound);
        var events = db.Events.AsNoTracking().Where(e => e.ClubId == clubId && (officer || e.Status != EventStatus.Draft));
        if (from is { } start) events = events.Where(e => e.StartsAt >= start);
        if (to is { } end) events = events.Where(e => e.StartsAt < end);
        return (await events.ToListAsync(ct)).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Select(EventView.Of).ToList();
    }

    public async Task<EventView> GetAsync(long eventId, CancellationToken ct = default) => EventView.Of(await FindVisibleAsync(eventId, ct));

    public async Task<EventView> CreateAsync(long clubId, EventInput input, bool publish = false, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        var valid = EventRules.Validate(input);
        var clubEvent = new ClubEvent
        {
            ClubId = clubId, Status = publish ? EventStatus.Published : EventStatus.Draft, SeatsTaken = 0,
            Title = valid.Title!, Description = valid.Description!, Place = valid.Place!, StartsAt = valid.StartsAt, EndsAt = valid.EndsAt,
            Capacity = valid.Capacity, SeatLimit = EventRules.SeatLimitOf(valid.Capacity), Amount = valid.Fee ?? 0,
            TermKey = EventRules.TermKeyOf(valid.StartsAt), Audience = valid.Audience, SignupOpensAt = valid.SignupOpensAt,
            SignupClosesAt = valid.SignupClosesAt, CancelDeadline = valid.CancelDeadline,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Events.Add(clubEvent);
        await db.SaveChangesAsync(ct);
        return EventView.Of(clubEvent);
    }

    /// <summary>
    /// One conditional statement, so the capacity can never slip below the seats a sign-up takes at the same moment
    /// (CAPACITY_BELOW_SIGNUPS). Paid sign-ups keep the fee they were made with; a new fee applies to new ones. An edit
    /// of what attendees rely on (<see cref="EventDrafts.IsNews"/>) tells every live sign-up, in the same transaction.
    /// </summary>
    public async Task<EventView> UpdateAsync(long eventId, EventInput input, CancellationToken ct = default)
    {
        var clubEvent = await RequireOfficerAsync(eventId, ct);
        var valid = EventRules.Validate(input);
        var seatLimit = EventRules.SeatLimitOf(valid.Capacity);
        var (now, actor) = (time.GetUtcNow(), currentUser.UserId);
        // A start whose reminder time is still to come is reminded (again) then.
        var remindAgain = EventReminderSchedule.RemindAt(valid.StartsAt) > now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var updated = await db.Events
            .Where(e => e.Id == eventId && e.Status != EventStatus.Cancelled && e.SeatsTaken <= seatLimit)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Title, valid.Title!).SetProperty(e => e.Description, valid.Description!)
                .SetProperty(e => e.Place, valid.Place!).SetProperty(e => e.StartsAt, valid.StartsAt)
                .SetProperty(e => e.EndsAt, valid.EndsAt).SetProperty(e => e.Capacity, valid.Capacity)
                .SetProperty(e => e.SeatLimit, seatLimit).SetProperty(e => e.Amount, valid.Fee ?? 0)
                .SetProperty(e => e.TermKey, EventRules.TermKeyOf(valid.StartsAt)).SetProperty(e => e.Audience, valid.Audience)
                .SetProperty(e => e.SignupOpensAt, valid.SignupOpensAt).SetProperty(e => e.SignupClosesAt, valid.SignupClosesAt)
                .SetProperty(e => e.CancelDeadline, valid.CancelDeadline)
                .SetProperty(e => e.RemindersSentAt, e => remindAgain ? null : e.RemindersSentAt)
                .SetProperty(e => e.UpdatedAt, now).SetProperty(e => e.UpdatedBy, actor), ct);
        if (updated == 0)
            throw clubEvent.Status == EventStatus.Cancelled || await db.Events.AnyAsync(e => e.Id == eventId && e.Status == EventStatus.Cancelled, ct)
                ? AppException.Conflict(ErrorCodes.EventCancelled)
                : AppException.Conflict(ErrorCodes.CapacityBelowSignups, "capacity");
        if (EventDrafts.IsNews(clubEvent, valid))
        {
            outbox.Record(db, await EventDrafts.ToSignupsAsync(db, eventId, confirmedOnly: false, EventDrafts.Changed, ct));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await changes.AnnounceAsync(db, eventId, ct);
        return EventView.Of(await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct));
    }

    public async Task<EventView> PublishAsync(long eventId, CancellationToken ct = default)
    {
        await RequireOfficerAsync(eventId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var moved = await db.Events.Where(e => e.Id == eventId && e.Status == EventStatus.Draft)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EventStatus.Published).SetProperty(e => e.UpdatedAt, now), ct);
        var clubEvent = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct);
        if (moved == 0 && clubEvent.Status == EventStatus.Cancelled) throw AppException.Conflict(ErrorCodes.EventCancelled);
        return EventView.Of(clubEvent);
    }

    /// <summary>Cancels the event and gives every sign-up back (<see cref="EventCancellation"/>); asking again retries what failed.</summary>
    public async Task<EventView> CancelAsync(long eventId, CancellationToken ct = default)
    {
        await RequireOfficerAsync(eventId, ct);
        await cancellation.CancelAsync(eventId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return EventView.Of(await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId, ct));
    }

    private Task<ClubEvent> RequireOfficerAsync(long eventId, CancellationToken ct) => EventOfficers.RequireAsync(dbFactory, access, eventId, ct);

    /// <summary>A draft is not found by anyone but the club's officers.</summary>
    private async Task<ClubEvent> FindVisibleAsync(long eventId, CancellationToken ct)
    {
        ClubEvent? clubEvent;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            clubEvent = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (clubEvent is null || clubEvent.Status == EventStatus.Draft && !RolePolicy.CanEditClub(await access.RoleAsync(clubEvent.ClubId, ct)))
            throw AppException.NotFound(ErrorCodes.EventNotFound);
        return clubEvent;
    }
}
