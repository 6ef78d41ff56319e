using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Events;

/// <summary>
/// Gives an event's freed seats to its waitlist, first in line first: a free event's seat as a confirmed sign-up at once,
/// a paid one's as a reserved hold until <see cref="EventOptions.OfferHoldDuration"/> (never past the start) for the
/// student to pay through the one payment flow. Each offer is one transaction that takes the freed seat and counts the
/// waiter out in one guarded statement (<see cref="SeatCounter.TakeForWaitlistAsync"/>), then moves the first waiting entry
/// by a guarded update: a freed seat is offered exactly once, to one student, whichever instances offer at once. No lock
/// is needed for that; the pool's row, taken first, orders concurrent offers.
/// </summary>
public sealed class WaitlistOffers(
    IDbContextFactory<AppDbContext> dbFactory, SeatGrants grants, SeatChanges changes, NotificationOutbox outbox,
    IOptions<EventOptions> options, TimeProvider time, ILogger<WaitlistOffers> logger)
{
    private enum Outcome { Offered, Done, Retry }

    private const int Attempts = 3;

    /// <summary>Offers the seats of every event that owes its waitlist some; returns how many offers were made.</summary>
    public async Task<int> OfferOwedAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<long> owing;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            owing = await db.Events.Where(e => e.Waitlisted > 0 && e.SeatsTaken < e.SeatLimit && e.Status == EventStatus.Published && e.StartsAt > now)
                .Select(e => e.Id).ToListAsync(ct);
        var offered = 0;
        foreach (var eventId in owing) offered += await OfferAsync(eventId, ct);
        return offered;
    }

    /// <summary>Offers the event's freed seats to its line until none is owed; returns how many offers this call made.</summary>
    public async Task<int> OfferAsync(long eventId, CancellationToken ct = default)
    {
        var offered = 0;
        var retries = 0;
        while (true)
        {
            var outcome = await OfferNextAsync(eventId, ct);
            if (outcome == Outcome.Offered) offered++;
            else if (outcome == Outcome.Done || ++retries == Attempts) break;
        }
        if (offered > 0)
            await using (var db = await dbFactory.CreateDbContextAsync(ct)) await changes.AnnounceAsync(db, eventId, ct);
        return offered;
    }

    private async Task<Outcome> OfferNextAsync(long eventId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Events.AsNoTracking().Where(e => e.Id == eventId)
            .Join(db.Clubs, e => e.ClubId, c => c.Id, (e, c) => new { Event = e, Club = c.Name }).SingleOrDefaultAsync(ct);
        // A line has no use once the event is under way or cancelled (whose cancellation closed it).
        if (target is null || target.Event.Status != EventStatus.Published || target.Event.StartsAt <= now) return Outcome.Done;
        var clubEvent = target.Event;
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await SeatCounter.TakeForWaitlistAsync(db, eventId, ct)) return Outcome.Done;
        var next = await db.WaitlistEntries.AsNoTracking().Where(w => w.EventId == eventId && w.Status == WaitlistStatus.Waiting)
            .OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            logger.LogWarning("Event {EventId} counts waiters but none waits; its waitlist count is left as it is", eventId);
            return Outcome.Done;
        }
        NotificationDraft told;
        if (clubEvent.Amount == 0)
        {
            if (await WaitlistMoves.TryMoveAsync(db, next.Id, WaitlistStatus.Waiting, WaitlistStatus.Seated, now, ct) == 0) return Outcome.Retry;
            await grants.For(clubEvent).GrantAsync(db, clubEvent, next.UserId, ct);
            told = WaitlistDrafts.Seated(next.UserId, target.Club, clubEvent.Title, eventId, clubEvent.StartsAt);
        }
        else
        {
            var payBy = Min(now + options.Value.OfferHoldDuration, clubEvent.StartsAt);
            var hold = new SeatHold { PoolId = eventId, UserId = next.UserId, State = HoldState.Held, Reserved = true, ExpiresAt = payBy };
            db.SeatHolds.Add(hold);
            if (!await TrySaveAsync(db, ct)) return await PassOverAsync(transaction, next, ct);
            if (await WaitlistMoves.TryMoveAsync(db, next.Id, WaitlistStatus.Waiting, WaitlistStatus.Offered, now, ct, set => set
                    .SetProperty(w => w.HoldId, hold.Id).SetProperty(w => w.OfferedAt, now).SetProperty(w => w.OfferExpiresAt, payBy)) == 0)
                return Outcome.Retry;
            told = WaitlistDrafts.Offered(next.UserId, target.Club, clubEvent.Title, eventId, clubEvent.Amount, payBy);
        }
        outbox.Record(db, told);
        db.AttributeAddedTo(next.UserId);
        if (!await TrySaveAsync(db, ct)) return await PassOverAsync(transaction, next, ct);
        await transaction.CommitAsync(ct);
        return Outcome.Offered;
    }

    /// <summary>False when the waiter already has the seat's grant or a hold (the unique indexes): the caller passes them over.</summary>
    private static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>
    /// A waiter who holds a seat of the event by another way needs no second one: the offer is rolled back (its seat
    /// with it), their place closed, and the seat goes to the next in line.
    /// </summary>
    private async Task<Outcome> PassOverAsync(IDbContextTransaction offer, WaitlistEntry entry, CancellationToken ct)
    {
        await offer.RollbackAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await WaitlistMoves.TryLeaveAsync(db, entry, time.GetUtcNow(), ct);
        return Outcome.Retry;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
