using System.Text.Json.Serialization;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Events;

[JsonConverter(typeof(JsonStringEnumConverter<WaitlistStatus>))]
public enum WaitlistStatus
{
    /// <summary>In line; counted in the event's <c>Waitlisted</c>.</summary>
    [JsonStringEnumMemberName("WAITING")] Waiting,
    /// <summary>A paid event's freed seat is held for the student until <see cref="WaitlistEntry.OfferExpiresAt"/>.</summary>
    [JsonStringEnumMemberName("OFFERED")] Offered,
    /// <summary>The student got the seat: at once (free), or by paying the offer.</summary>
    [JsonStringEnumMemberName("SEATED")] Seated,
    /// <summary>The offer's deadline passed unpaid; its seat went to the next in line.</summary>
    [JsonStringEnumMemberName("LAPSED")] Lapsed,
    /// <summary>The student left the line or declined the offer, or the event was cancelled.</summary>
    [JsonStringEnumMemberName("LEFT")] Left,
}

/// <summary>
/// A student's place in an event's waitlist, first come first served by <see cref="Id"/>. Every move is a conditional
/// update from the state it leaves, so an entry is offered, lapses or leaves once; one live entry (waiting or offered)
/// per student and event, kept by a unique index.
/// </summary>
public sealed class WaitlistEntry : IAuditable
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public Guid UserId { get; set; }
    public WaitlistStatus Status { get; set; }
    /// <summary>The reserved seat hold of a paid event's offer.</summary>
    public long? HoldId { get; set; }
    public DateTimeOffset? OfferedAt { get; set; }
    public DateTimeOffset? OfferExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
