using System.Text.Json.Serialization;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

[JsonConverter(typeof(JsonStringEnumConverter<SignupStatus>))]
public enum SignupStatus
{
    [JsonStringEnumMemberName("PENDING_PAYMENT")] PendingPayment,
    [JsonStringEnumMemberName("CONFIRMED")] Confirmed,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
}

/// <summary>
/// A student's place at an event. A paid one waits (PENDING_PAYMENT) on its seat hold and order; the hold's conversion
/// confirms it, the hold's end without payment cancels it (<see cref="EventSignupHolds"/>). One live sign-up per student
/// and event, kept by a unique index.
/// </summary>
public sealed class EventSignup : IAuditable, IGrantedSeat
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public Guid UserId { get; set; }
    public SignupStatus Status { get; set; }
    /// <summary>The ticket's secret (<see cref="TicketCodes"/>), shown to the student only.</summary>
    public string TicketCode { get; set; } = "";
    /// <summary>The seat hold a paid sign-up waits on.</summary>
    public long? HoldId { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>출석: when and by which officer the ticket was checked in (<see cref="CheckIns"/>); once only.</summary>
    public DateTimeOffset? CheckedInAt { get; set; }
    public Guid? CheckedInBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
