using Woohakdong.Core.Common;

namespace Woohakdong.Core.Events;

/// <summary>
/// An event as <c>/v1</c> shows it; <see cref="SeatsLeft"/> and <see cref="Capacity"/> are null without a capacity.
/// <see cref="SeatsTaken"/>: confirmed sign-ups and seats held for payment.
/// </summary>
public sealed record EventView(
    long EventId, long ClubId, string Title, string Description, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int? Capacity, int? SeatsLeft, long? Fee, DateTimeOffset? SignupOpensAt, DateTimeOffset? SignupClosesAt,
    DateTimeOffset? CancelDeadline, EventAudience Audience, EventStatus Status, int SeatsTaken)
{
    public static EventView Of(ClubEvent e) => new(
        e.Id, e.ClubId, e.Title, e.Description, e.Place, e.StartsAt.ToOffset(KoreanTime.Offset), e.EndsAt.ToOffset(KoreanTime.Offset),
        e.Capacity, e.Capacity is null ? null : EventRules.SeatsLeft(e), e.Amount == 0 ? null : e.Amount,
        e.SignupOpensAt?.ToOffset(KoreanTime.Offset), e.SignupClosesAt?.ToOffset(KoreanTime.Offset),
        e.CancelDeadline?.ToOffset(KoreanTime.Offset), e.Audience, e.Status, e.SeatsTaken);
}

/// <summary>
/// <c>201</c> of a sign-up: CONFIRMED at once (free), or PENDING_PAYMENT with what the payment window needs (paid), then
/// paid as for joining.
/// </summary>
public sealed record SignupStarted(
    long SignupId, SignupStatus Status, long? OrderId = null, string? MerchantUid = null, long? Amount = null, DateTimeOffset? HoldExpiresAt = null);

/// <summary>
/// One of my sign-ups (<c>GET /v1/me/events</c>); the ticket is only ever shown to its owner, and only while confirmed:
/// its code, and the signed form the QR code carries (<see cref="CheckInTickets"/>) for <c>POST …/checkins</c>.
/// </summary>
public sealed record MySignup(
    long SignupId, long EventId, long ClubId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place,
    SignupStatus Status, string? TicketCode, string? CheckInTicket, DateTimeOffset? CheckedInAt);

/// <summary>A sign-up on the officers' list (<c>GET /v1/events/{eventId}/signups</c>), with its check-in (KST).</summary>
public sealed record EventAttendee(long SignupId, string Name, string StudentNumber, SignupStatus Status, bool Paid, DateTimeOffset? CheckedInAt);
