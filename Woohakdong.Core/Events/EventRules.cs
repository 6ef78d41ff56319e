using System.Linq.Expressions;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Events;

/// <summary>What an officer enters for an event (<c>POST /v1/clubs/{clubId}/events</c>, <c>PUT /v1/events/{eventId}</c>).</summary>
public sealed record EventInput(
    string? Title, string? Description, string? Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int? Capacity, long? Fee,
    EventAudience Audience, DateTimeOffset? SignupOpensAt = null, DateTimeOffset? SignupClosesAt = null, DateTimeOffset? CancelDeadline = null);

/// <summary>The pure rules of events, shared by the services and their unit tests.</summary>
public static class EventRules
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 4000;
    public const int PlaceMaxLength = 200;
    /// <summary>The seat limit of an event without a capacity: counted like any pool, never reached.</summary>
    public const int Unlimited = int.MaxValue;

    /// <summary>The input with its text normalized (<see cref="TextRules"/>) and its times in UTC; throws the first problem with a stable code.</summary>
    public static EventInput Validate(EventInput input)
    {
        var title = TextRules.Normalize(input.Title, TextShape.SingleLine, "title");
        if (title.Length == 0) throw AppException.Validation(ErrorCodes.EventTitleRequired, "title");
        if (title.Length > TitleMaxLength) throw AppException.Validation(ErrorCodes.EventTitleTooLong, "title");
        var description = TextRules.Normalize(input.Description, TextShape.MultiLine, "description");
        if (description.Length > DescriptionMaxLength) throw AppException.Validation(ErrorCodes.EventDescriptionTooLong, "description");
        var place = TextRules.Normalize(input.Place, TextShape.SingleLine, "place");
        if (place.Length > PlaceMaxLength) throw AppException.Validation(ErrorCodes.EventPlaceTooLong, "place");
        if (input.EndsAt <= input.StartsAt) throw AppException.Validation(ErrorCodes.EventTimesInvalid, "endsAt");
        if (input.Capacity is < 1 or > ClubRules.SeatLimitMax) throw AppException.Validation(ErrorCodes.CapacityInvalid, "capacity");
        if (input.Fee < 0) throw AppException.Validation(ErrorCodes.FeeNegative, "fee");
        if (input.Fee > ClubRules.FeeMax) throw AppException.Validation(ErrorCodes.FeeTooHigh, "fee");
        if (!Enum.IsDefined(input.Audience)) throw AppException.Validation(ErrorCodes.InvalidInput, "audience");
        // The window lies before the start: nobody signs up to an event under way.
        if (input.SignupOpensAt >= input.StartsAt) throw AppException.Validation(ErrorCodes.SignupWindowInvalid, "signupOpensAt");
        if (input.SignupClosesAt > input.StartsAt) throw AppException.Validation(ErrorCodes.SignupWindowInvalid, "signupClosesAt");
        if (input is { SignupOpensAt: { } opens, SignupClosesAt: { } closes } && closes <= opens)
            throw AppException.Validation(ErrorCodes.SignupWindowInvalid, "signupClosesAt");
        if (input.CancelDeadline > input.StartsAt) throw AppException.Validation(ErrorCodes.CancelDeadlineInvalid, "cancelDeadline");
        // Stored as instants (PostgreSQL takes only UTC offsets); shown in KST again by EventView.
        return input with
        {
            Title = title, Description = description, Place = place, StartsAt = input.StartsAt.ToUniversalTime(),
            EndsAt = input.EndsAt.ToUniversalTime(), SignupOpensAt = input.SignupOpensAt?.ToUniversalTime(),
            SignupClosesAt = input.SignupClosesAt?.ToUniversalTime(), CancelDeadline = input.CancelDeadline?.ToUniversalTime(),
        };
    }

    /// <summary>A capacity may go down, but never below the seats already taken (confirmed sign-ups and live holds).</summary>
    public static bool CanSetCapacity(int? capacity, int seatsTaken) => SeatLimitOf(capacity) >= seatsTaken;

    public static int SeatLimitOf(int? capacity) => capacity ?? Unlimited;

    /// <summary>The term an event's money is booked in: the term of its start, in KST.</summary>
    public static string TermKeyOf(DateTimeOffset startsAt) => Term.Of(DateOnly.FromDateTime(startsAt.ToKst().DateTime)).Key;

    /// <summary>
    /// The one "sign-ups open now" rule: published, inside the window (either end may be open) and before the start. In
    /// SQL for the guarded counter update, and in memory for the checks before it.
    /// </summary>
    public static Expression<Func<SeatPool, bool>> OpenAt(DateTimeOffset now) =>
        p => ((ClubEvent)p).Status == EventStatus.Published
            && (((ClubEvent)p).SignupOpensAt == null || ((ClubEvent)p).SignupOpensAt <= now)
            && (((ClubEvent)p).SignupClosesAt == null || ((ClubEvent)p).SignupClosesAt > now)
            && ((ClubEvent)p).StartsAt > now;

    public static bool IsOpen(ClubEvent e, DateTimeOffset now) => IsOpen(e.Status, e.StartsAt, e.SignupOpensAt, e.SignupClosesAt, now);

    /// <summary>The same rule for an event as shown (<see cref="EventView"/>): whether a page offers its sign-up button.</summary>
    public static bool IsOpen(EventView e, DateTimeOffset now) => IsOpen(e.Status, e.StartsAt, e.SignupOpensAt, e.SignupClosesAt, now);

    /// <summary>
    /// Whether a student who hears FULL may wait in line: every event with a capacity keeps a waitlist while its sign-ups
    /// are open (offers to those already waiting go on until the start).
    /// </summary>
    public static bool HasWaitlist(ClubEvent e, DateTimeOffset now) => e.Capacity is not null && IsOpen(e, now);

    public static bool HasWaitlist(EventView e, DateTimeOffset now) => e.Capacity is not null && IsOpen(e, now);

    private static bool IsOpen(EventStatus status, DateTimeOffset startsAt, DateTimeOffset? signupOpensAt, DateTimeOffset? signupClosesAt, DateTimeOffset now) =>
        status == EventStatus.Published && (signupOpensAt is not { } opens || opens <= now)
        && (signupClosesAt is not { } closes || closes > now) && startsAt > now;

    /// <summary>Until the cancellation deadline (or, without one, the start) a cancelled paid sign-up is refunded in full.</summary>
    public static bool RefundsCancellation(ClubEvent e, DateTimeOffset now) => now < (e.CancelDeadline ?? e.StartsAt);

    public static int SeatsLeft(ClubEvent e) => SeatRules.SeatsLeftToCrowd(e);
}
