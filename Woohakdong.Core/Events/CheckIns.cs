using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Events;

/// <summary>The attendee a scanned ticket names, as the officer sees it before confirming.</summary>
public sealed record TicketHolder(long SignupId, long EventId, string EventTitle, string Name, string StudentNumber, DateTimeOffset? CheckedInAt);

/// <summary><c>200</c> of a check-in.</summary>
public sealed record CheckedIn(string Name, DateTimeOffset CheckedInAt);

/// <summary>
/// 출석: an officer (임원 and above) of the event's club checks a confirmed sign-up in, from its signed ticket
/// (<see cref="CheckInTickets"/>, the QR code) or from the list (by sign-up). A ticket checks in once: the move is one
/// conditional UPDATE, so of two officers scanning at the same moment one wins and the other hears ALREADY_CHECKED_IN.
/// </summary>
public sealed class CheckIns(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, CheckInTickets tickets, TimeProvider time)
{
    /// <summary>Who the ticket is for, without checking in: the check-in page shows it for the officer to confirm.</summary>
    public async Task<TicketHolder> ReadAsync(long eventId, string? ticket, CancellationToken ct = default)
    {
        var clubEvent = await RequireOfficerAsync(eventId, ct);
        var code = tickets.Open(eventId, ticket) ?? throw AppException.Validation(ErrorCodes.InvalidTicket, "ticket");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holder = await db.EventSignups.AsNoTracking().Where(s => s.EventId == eventId && s.TicketCode == code)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, s.Status, s.CheckedInAt, u.DisplayName, u.StudentNumber })
            .SingleOrDefaultAsync(ct) ?? throw AppException.Validation(ErrorCodes.InvalidTicket, "ticket");
        RefuseUnconfirmed(holder.Status);
        return new TicketHolder(holder.Id, eventId, clubEvent.Title, holder.DisplayName, holder.StudentNumber, holder.CheckedInAt?.ToKst());
    }

    /// <summary><c>POST /v1/events/{eventId}/checkins {ticket}</c>.</summary>
    public async Task<CheckedIn> CheckInTicketAsync(long eventId, string? ticket, CancellationToken ct = default)
    {
        await RequireOfficerAsync(eventId, ct);
        var code = tickets.Open(eventId, ticket) ?? throw AppException.Validation(ErrorCodes.InvalidTicket, "ticket");
        return await CheckInAsync(eventId, s => s.TicketCode == code, ct);
    }

    /// <summary>The tick on the officers' list.</summary>
    public async Task<CheckedIn> CheckInSignupAsync(long eventId, long signupId, CancellationToken ct = default)
    {
        await RequireOfficerAsync(eventId, ct);
        return await CheckInAsync(eventId, s => s.Id == signupId, ct);
    }

    private async Task<CheckedIn> CheckInAsync(long eventId, Expression<Func<EventSignup, bool>> which, CancellationToken ct)
    {
        var (now, officer) = (time.GetUtcNow(), currentUser.RequireUserId());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = db.EventSignups.Where(s => s.EventId == eventId).Where(which);
        var moved = await ticket.Where(s => s.Status == SignupStatus.Confirmed && s.CheckedInAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CheckedInAt, now).SetProperty(s => s.CheckedInBy, officer)
                .SetProperty(s => s.UpdatedAt, now).SetProperty(s => s.UpdatedBy, officer), ct);
        var signup = await ticket.AsNoTracking()
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Status, s.CheckedInAt, u.DisplayName })
            .SingleOrDefaultAsync(ct);
        if (signup is null) throw AppException.Validation(ErrorCodes.InvalidTicket, "ticket");
        if (moved == 0)
        {
            RefuseUnconfirmed(signup.Status);
            throw AppException.Conflict(ErrorCodes.AlreadyCheckedIn);
        }
        return new CheckedIn(signup.DisplayName, signup.CheckedInAt!.Value.ToKst());
    }

    private static void RefuseUnconfirmed(SignupStatus status)
    {
        if (status == SignupStatus.Cancelled) throw AppException.Conflict(ErrorCodes.TicketCancelled);
        if (status == SignupStatus.PendingPayment) throw AppException.Conflict(ErrorCodes.TicketNotPaid);
    }

    private Task<ClubEvent> RequireOfficerAsync(long eventId, CancellationToken ct) => EventOfficers.RequireAsync(dbFactory, access, eventId, ct);
}
