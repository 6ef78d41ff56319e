using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Events;

/// <summary>An event's seat: a confirmed sign-up with a ticket, for the audience the event allows while sign-ups are open.</summary>
public sealed class EventSignupGrant(TimeProvider time) : ISeatGrant
{
    public PoolKind Kind => PoolKind.Event;
    public string NotFoundCode => ErrorCodes.EventNotFound;
    public string NotOpenCode => ErrorCodes.NotOpen;
    public string DuplicateCode => ErrorCodes.AlreadySignedUp;

    public Expression<Func<SeatPool, bool>> OpenAt(DateTimeOffset now) => EventRules.OpenAt(now);

    /// <summary>A cancelled event refunds a payment that arrives late; a published one honours it, even after the window.</summary>
    public bool Honours(SeatPool pool) => ((ClubEvent)pool).Status == EventStatus.Published;

    public async Task RefuseUnlessEligibleAsync(
        AppDbContext db, SeatPool pool, Guid userId, bool forHold, DateTimeOffset now, CancellationToken ct)
    {
        var clubEvent = (ClubEvent)pool;
        if (!EventRules.IsOpen(clubEvent, now)) throw AppException.Conflict(ErrorCodes.NotOpen);
        if (clubEvent.Audience == EventAudience.Members && !await db.Memberships.AnyAsync(
                m => m.ClubId == pool.ClubId && m.UserId == userId && m.TermKey == Term.Current(time).Key, ct))
            throw AppException.Conflict(ErrorCodes.NotAllowed);
    }

    /// <summary>Only a confirmed sign-up: a pending one is the student's own hold, which the engine finds first.</summary>
    public async Task<IGrantedSeat?> FindGrantedAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct) =>
        await db.EventSignups.AsNoTracking()
            .SingleOrDefaultAsync(s => s.EventId == pool.Id && s.UserId == userId && s.Status == SignupStatus.Confirmed, ct);

    /// <summary>Confirms the student's pending sign-up (a paid one) or makes a confirmed one (free, or a late payment re-seated).</summary>
    public async Task<IGrantedSeat> GrantAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var signup = await db.EventSignups
            .SingleOrDefaultAsync(s => s.EventId == pool.Id && s.UserId == userId && s.Status == SignupStatus.PendingPayment, ct);
        if (signup is null)
        {
            signup = new EventSignup { EventId = pool.Id, UserId = userId, TicketCode = TicketCodes.New() };
            db.EventSignups.Add(signup);
        }
        signup.Status = SignupStatus.Confirmed;
        signup.ConfirmedAt = now;
        return signup;
    }

    public async Task<bool> RevokeAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct)
    {
        var confirmed = db.EventSignups.Where(s => s.EventId == pool.Id && s.UserId == userId && s.Status == SignupStatus.Confirmed);
        return await SignupCancellations.CancelAsync(confirmed, time.GetUtcNow(), ct) > 0;
    }
}
