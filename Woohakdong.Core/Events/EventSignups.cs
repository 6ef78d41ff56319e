using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Events;

/// <summary>
/// Signing up to events through the one seat engine: a free event's seat is a confirmed sign-up at once
/// (<see cref="SeatService.TakeFreeSeatAsync"/>); a paid one holds the seat and starts the same order as a paid join
/// (<see cref="StartPaidJoin"/>), and its payment confirms the sign-up through the one order completion.
/// </summary>
public sealed class EventSignups(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, SeatService seats,
    StartPaidJoin paidSeats, SignupReturns returns, EventWaitlist waitlist, CheckInTickets tickets, SoldOutEvents soldOutEvents, TimeProvider time)
{
    public const string CancelledRefundReason = "SIGNUP_CANCELLED";

    /// <param name="merchantUid">For a paid event, as for joining: made by the client so a retry cannot make a second order.</param>
    /// <remarks>FULL says <c>waitlist: true</c> when the student may join the event's waitlist instead.</remarks>
    public async Task<SignupStarted> SignUpAsync(long eventId, string? merchantUid = null, CancellationToken ct = default)
    {
        var clubEvent = await FindAsync(eventId, ct);
        try
        {
            return await TakeSeatAsync(clubEvent, merchantUid, ct);
        }
        catch (AppException refusal) when (refusal.Code == ErrorCodes.Full)
        {
            throw Full(clubEvent);
        }
    }

    /// <summary>
    /// The crowd's answer once this instance knows the event is full (<see cref="SoldOutGroups"/>): FULL as
    /// <see cref="SignUpAsync"/> would say it, from memory (<see cref="SoldOutEvents"/>) and without the seat engine. Null,
    /// for <see cref="SignUpAsync"/> to answer, when the event's sign-up is not open (it says why) or when the student holds
    /// one of its seats (a waitlist offer, or a payment started before): a full event still sells that seat to its holder.
    /// </summary>
    public async Task<AppException?> SoldOutRefusalAsync(long eventId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var (clubEvent, holders) = await soldOutEvents.GetAsync(eventId, ct);
        if (clubEvent is null || !EventRules.IsOpen(clubEvent, time.GetUtcNow()) || holders.Contains(userId)) return null;
        return Full(clubEvent);
    }

    private AppException Full(ClubEvent clubEvent)
    {
        var full = AppException.Conflict(ErrorCodes.Full);
        return EventRules.HasWaitlist(clubEvent, time.GetUtcNow()) ? full.With("waitlist", true) : full;
    }

    private async Task<SignupStarted> TakeSeatAsync(ClubEvent clubEvent, string? merchantUid, CancellationToken ct)
    {
        var (eventId, userId) = (clubEvent.Id, currentUser.RequireUserId());
        if (clubEvent.Amount == 0)
        {
            var signup = (EventSignup)await seats.TakeFreeSeatAsync(PoolKind.Event, eventId, ct);
            return new SignupStarted(signup.Id, SignupStatus.Confirmed);
        }
        var started = await paidSeats.StartAsync(PoolKind.Event, eventId, merchantUid, ct);
        var pending = await RecordPendingAsync(eventId, userId, started.OrderId, ct);
        return new SignupStarted(pending.Id, pending.Status, started.OrderId, started.MerchantUid, started.Amount, started.HoldExpiresAt);
    }

    /// <summary>
    /// Gives my sign-up back: a pending one at any time; a free one until the start; a paid one refunded in full until the
    /// cancellation deadline (KST), and after it refused with CANCEL_DEADLINE_PASSED: the seat stays the student's, unrefunded.
    /// Without a sign-up, my place in the waitlist (or its offer) is given up.
    /// </summary>
    public async Task CancelMineAsync(long eventId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var clubEvent = await FindAsync(eventId, ct);
        EventSignup? live;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            live = await db.EventSignups.AsNoTracking()
                .SingleOrDefaultAsync(s => s.EventId == eventId && s.UserId == userId && s.Status != SignupStatus.Cancelled, ct);
        if (live is not { } signup)
        {
            if (!await waitlist.LeaveAsync(eventId, userId, ct)) throw AppException.NotFound(ErrorCodes.SignupNotFound);
            return;
        }
        var now = time.GetUtcNow();
        if (signup.Status == SignupStatus.Confirmed)
        {
            var paid = await returns.PaidOrderAsync(signup, ct) is not null;
            if (paid ? !EventRules.RefundsCancellation(clubEvent, now) : now >= clubEvent.StartsAt)
                throw AppException.Conflict(ErrorCodes.CancelDeadlinePassed);
        }
        await returns.ReturnAsync(signup, CancelledRefundReason, OrderCause.Api, ct);
    }

    /// <summary>My sign-ups and live waitlist places, the latest event first.</summary>
    public async Task<IReadOnlyList<MySignup>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The line first: an offer seating me between the two reads then shows as its sign-up (below), never as nothing.
        var places = await db.WaitlistEntries.AsNoTracking()
            .Where(w => w.UserId == userId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered))
            .Join(db.Events, w => w.EventId, e => e.Id, (w, e) => new
            {
                Entry = w, Event = e,
                Ahead = db.WaitlistEntries.Count(o => o.EventId == w.EventId && o.Status == WaitlistStatus.Waiting && o.Id < w.Id),
            })
            .ToListAsync(ct);
        var rows = await db.EventSignups.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new { Signup = s, Event = e })
            .ToListAsync(ct);
        var offers = places.Where(p => p.Entry.Status == WaitlistStatus.Offered).ToDictionary(p => p.Event.Id, p => p.Entry.OfferExpiresAt);
        var signedUp = rows.Where(r => r.Signup.Status != SignupStatus.Cancelled).Select(r => r.Event.Id).ToHashSet();
        var mine = rows.Select(r => Of(r.Event, r.Signup.Id, StatusOf(r.Signup.Status)) with
        {
            TicketCode = r.Signup.Status == SignupStatus.Confirmed ? r.Signup.TicketCode : null,
            CheckInTicket = r.Signup.Status == SignupStatus.Confirmed ? tickets.Sign(r.Event.Id, r.Signup.TicketCode) : null,
            CheckedInAt = r.Signup.CheckedInAt?.ToKst(),
            OfferExpiresAt = r.Signup.Status == SignupStatus.PendingPayment ? offers.GetValueOrDefault(r.Event.Id)?.ToKst() : null,
        });
        // An offer I started paying shows as that pending sign-up (with the offer's deadline), not twice.
        var waiting = places.Where(p => !signedUp.Contains(p.Event.Id)).Select(p => p.Entry.Status == WaitlistStatus.Waiting
            ? Of(p.Event, null, MyEventStatus.Waitlisted) with { WaitlistPosition = p.Ahead + 1 }
            : Of(p.Event, null, MyEventStatus.Offered) with { OfferExpiresAt = p.Entry.OfferExpiresAt?.ToKst() });
        return mine.Concat(waiting).OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.SignupId ?? long.MaxValue).ToList();
    }

    private static MyEventStatus StatusOf(SignupStatus status) => status switch
    {
        SignupStatus.PendingPayment => MyEventStatus.PendingPayment,
        SignupStatus.Confirmed => MyEventStatus.Confirmed,
        _ => MyEventStatus.Cancelled,
    };

    private static MySignup Of(ClubEvent e, long? signupId, MyEventStatus status) =>
        new(signupId, e.Id, e.ClubId, e.Title, e.StartsAt.ToKst(), e.EndsAt.ToKst(), e.Place, status, null, null, null);

    /// <summary>The officers' list of an event's sign-ups, oldest first.</summary>
    public async Task<IReadOnlyList<EventAttendee>> ListAsync(long eventId, CancellationToken ct = default)
    {
        var clubEvent = await FindAsync(eventId, ct);
        await access.RequireAsync(clubEvent.ClubId, RolePolicy.CanViewRoster, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var paidUsers = db.JoinOrders.Where(o => o.PoolId == eventId && o.Status == OrderStatus.Completed).Select(o => o.UserId);
        return (await db.EventSignups.AsNoTracking().Where(s => s.EventId == eventId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u })
            .OrderBy(x => x.s.Id)
            .Select(x => new EventAttendee(x.s.Id, x.u.DisplayName, x.u.StudentNumber, x.s.Status,
                x.s.Status == SignupStatus.Confirmed && paidUsers.Contains(x.s.UserId), x.s.CheckedInAt))
            .ToListAsync(ct)).Select(a => a with { CheckedInAt = a.CheckedInAt?.ToKst() }).ToList();
    }

    private async Task<ClubEvent> FindAsync(long eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct) ?? throw AppException.NotFound(ErrorCodes.EventNotFound);
    }

    /// <summary>
    /// The sign-up that waits on the order's hold: made once, its hold updated when the student starts paying again. A
    /// payment fast enough to confirm the seat before this runs has already made the confirmed one, which is returned.
    /// </summary>
    private async Task<EventSignup> RecordPendingAsync(long eventId, Guid userId, long orderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holdId = await db.JoinOrders.Where(o => o.Id == orderId).Select(o => o.HoldId).SingleAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var live = await db.EventSignups
                .SingleOrDefaultAsync(s => s.EventId == eventId && s.UserId == userId && s.Status != SignupStatus.Cancelled, ct);
            if (live is null)
            {
                live = new EventSignup { EventId = eventId, UserId = userId, Status = SignupStatus.PendingPayment, TicketCode = TicketCodes.New() };
                db.EventSignups.Add(live);
            }
            if (live.Status == SignupStatus.PendingPayment) live.HoldId = holdId;
            try
            {
                await db.SaveChangesAsync(ct);
                return live;
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation() && attempt == 0)
            {
                // The same student's other request (or the payment's confirmation) made it a moment before: read that one.
                db.ChangeTracker.Clear();
            }
        }
    }
}
