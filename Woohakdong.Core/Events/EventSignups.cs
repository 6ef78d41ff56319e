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
    StartPaidJoin paidSeats, SignupReturns returns, CheckInTickets tickets, TimeProvider time)
{
    public const string CancelledRefundReason = "SIGNUP_CANCELLED";

    /// <param name="merchantUid">For a paid event, as for joining: made by the client so a retry cannot make a second order.</param>
    public async Task<SignupStarted> SignUpAsync(long eventId, string? merchantUid = null, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var clubEvent = await FindAsync(eventId, ct);
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
    /// </summary>
    public async Task CancelMineAsync(long eventId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var clubEvent = await FindAsync(eventId, ct);
        EventSignup signup;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            signup = await db.EventSignups.AsNoTracking()
                .SingleOrDefaultAsync(s => s.EventId == eventId && s.UserId == userId && s.Status != SignupStatus.Cancelled, ct)
                ?? throw AppException.NotFound(ErrorCodes.SignupNotFound);
        var now = time.GetUtcNow();
        if (signup.Status == SignupStatus.Confirmed)
        {
            var paid = await returns.PaidOrderAsync(signup, ct) is not null;
            if (paid ? !EventRules.RefundsCancellation(clubEvent, now) : now >= clubEvent.StartsAt)
                throw AppException.Conflict(ErrorCodes.CancelDeadlinePassed);
        }
        await returns.ReturnAsync(signup, CancelledRefundReason, OrderCause.Api, ct);
    }

    public async Task<IReadOnlyList<MySignup>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.EventSignups.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.Events, s => s.EventId, e => e.Id, (s, e) => new { Signup = s, Event = e })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Event.StartsAt).ThenByDescending(r => r.Signup.Id)
            .Select(r => new MySignup(r.Signup.Id, r.Event.Id, r.Event.ClubId, r.Event.Title, r.Event.StartsAt.ToKst(), r.Event.EndsAt.ToKst(),
                r.Event.Place, r.Signup.Status, r.Signup.Status == SignupStatus.Confirmed ? r.Signup.TicketCode : null,
                r.Signup.Status == SignupStatus.Confirmed ? tickets.Sign(r.Event.Id, r.Signup.TicketCode) : null, r.Signup.CheckedInAt?.ToKst()))
            .ToList();
    }

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
