using System.Text.Json.Serialization;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Events;

/// <summary>
/// An event as <c>/v1</c> shows it; <see cref="SeatsLeft"/> and <see cref="Capacity"/> are null without a capacity.
/// <see cref="SeatsTaken"/>: confirmed sign-ups and seats held for payment; <see cref="Waitlisted"/>: students waiting in line.
/// </summary>
public sealed record EventView(
    long EventId, long ClubId, string Title, string Description, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int? Capacity, int? SeatsLeft, long? Fee, DateTimeOffset? SignupOpensAt, DateTimeOffset? SignupClosesAt,
    DateTimeOffset? CancelDeadline, EventAudience Audience, EventStatus Status, int SeatsTaken, int Waitlisted)
{
    public static EventView Of(ClubEvent e) => new(
        e.Id, e.ClubId, e.Title, e.Description, e.Place, e.StartsAt.ToOffset(KoreanTime.Offset), e.EndsAt.ToOffset(KoreanTime.Offset),
        e.Capacity, e.Capacity is null ? null : EventRules.SeatsLeft(e), e.Amount == 0 ? null : e.Amount,
        e.SignupOpensAt?.ToOffset(KoreanTime.Offset), e.SignupClosesAt?.ToOffset(KoreanTime.Offset),
        e.CancelDeadline?.ToOffset(KoreanTime.Offset), e.Audience, e.Status, e.SeatsTaken, e.Waitlisted);
}

/// <summary>
/// <c>201</c> of a sign-up: CONFIRMED at once (free), or PENDING_PAYMENT with what the payment window needs (paid), then
/// paid as for joining.
/// </summary>
public sealed record SignupStarted(
    long SignupId, SignupStatus Status, long? OrderId = null, string? MerchantUid = null, long? Amount = null, DateTimeOffset? HoldExpiresAt = null);

/// <summary>Where I stand at an event: my sign-up's status, or my live place in its waitlist.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MyEventStatus>))]
public enum MyEventStatus
{
    [JsonStringEnumMemberName("PENDING_PAYMENT")] PendingPayment,
    [JsonStringEnumMemberName("CONFIRMED")] Confirmed,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
    [JsonStringEnumMemberName("WAITLISTED")] Waitlisted,
    /// <summary>A paid event's seat is held for me from the waitlist: pay by <see cref="MySignup.OfferExpiresAt"/>.</summary>
    [JsonStringEnumMemberName("OFFERED")] Offered,
}

/// <summary>
/// One of my sign-ups or live waitlist places (<c>GET /v1/me/events</c>); the ticket is only ever shown to its owner, and
/// only while confirmed: its code, and the signed form the QR code carries (<see cref="CheckInTickets"/>) for
/// <c>POST …/checkins</c>. A waitlist place has no <see cref="SignupId"/>; waiting, its <see cref="WaitlistPosition"/> (1 is
/// next); offered, the deadline of its seat (also on the sign-up made when I start paying it).
/// </summary>
public sealed record MySignup(
    long? SignupId, long EventId, long ClubId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place,
    MyEventStatus Status, string? TicketCode, string? CheckInTicket, DateTimeOffset? CheckedInAt,
    int? WaitlistPosition = null, DateTimeOffset? OfferExpiresAt = null);

/// <summary>A sign-up on the officers' list (<c>GET /v1/events/{eventId}/signups</c>), with its check-in (KST).</summary>
public sealed record EventAttendee(long SignupId, string Name, string StudentNumber, SignupStatus Status, bool Paid, DateTimeOffset? CheckedInAt);
