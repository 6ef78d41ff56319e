using System.Text.Json.Serialization;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

/// <summary>Who may sign up: current-term members of the club, or anyone signed in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventAudience>))]
public enum EventAudience
{
    [JsonStringEnumMemberName("MEMBERS")] Members,
    [JsonStringEnumMemberName("ANYONE")] Anyone,
}

/// <summary>A draft is the officers' alone; a published event takes sign-ups; a cancelled one has refunded them all.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventStatus>))]
public enum EventStatus
{
    [JsonStringEnumMemberName("DRAFT")] Draft,
    [JsonStringEnumMemberName("PUBLISHED")] Published,
    [JsonStringEnumMemberName("CANCELLED")] Cancelled,
}

/// <summary>
/// A club's event (정기 모임, MT, 공연…): the seat pool whose seat is a sign-up with a ticket. Its price is the pool's
/// <see cref="SeatPool.Amount"/> (0: free); without a <see cref="Capacity"/> the pool's limit is <see cref="EventRules.Unlimited"/>.
/// Times are instants; they are entered and shown in KST.
/// </summary>
public sealed class ClubEvent : SeatPool
{
    public ClubEvent() => Kind = PoolKind.Event;

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int? Capacity { get; set; }
    public EventAudience Audience { get; set; }
    /// <summary>The sign-up window; a null end is open (the close defaults to the start).</summary>
    public DateTimeOffset? SignupOpensAt { get; set; }
    public DateTimeOffset? SignupClosesAt { get; set; }
    /// <summary>Until then a student's cancellation is refunded in full; after it the seat is kept (no refund). Null: until the start.</summary>
    public DateTimeOffset? CancelDeadline { get; set; }
    public EventStatus Status { get; set; }
    /// <summary>
    /// When the day-before reminders went out (<see cref="EventReminders"/>): claimed once for the event, so of several
    /// instances one sends them. Cleared by an edit whose new start brings a reminder time still to come.
    /// </summary>
    public DateTimeOffset? RemindersSentAt { get; set; }
}
