using System.Globalization;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;

namespace Woohakdong.Web.Components.Pages.Events;

/// <summary>
/// The event form's fields: times as the browser's <c>datetime-local</c> text, read and written in KST whatever the
/// officer's device says; an empty optional time is none.
/// </summary>
public sealed class EventForm
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";
    // Blazor's change event adds the seconds to a datetime-local value ("…T19:00" arrives as "…T19:00:00").
    private static readonly string[] ReadFormats = [LocalFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"];

    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Place { get; set; } = "";
    public string StartsAt { get; set; } = "";
    public string EndsAt { get; set; } = "";
    public int? Capacity { get; set; }
    public long? Fee { get; set; }
    public EventAudience Audience { get; set; } = EventAudience.Members;
    public string SignupOpensAt { get; set; } = "";
    public string SignupClosesAt { get; set; } = "";
    public string CancelDeadline { get; set; } = "";

    public static EventForm Of(EventView e) => new()
    {
        Title = e.Title, Description = e.Description, Place = e.Place, StartsAt = Local(e.StartsAt), EndsAt = Local(e.EndsAt),
        Capacity = e.Capacity, Fee = e.Fee, Audience = e.Audience, SignupOpensAt = Local(e.SignupOpensAt),
        SignupClosesAt = Local(e.SignupClosesAt), CancelDeadline = Local(e.CancelDeadline),
    };

    /// <summary>The input for <see cref="EventService"/>; a missing or unreadable start or end is refused as EVENT_TIMES_INVALID.</summary>
    public EventInput ToInput() => new(
        Title, Description, Place, Kst(StartsAt) ?? throw AppException.Validation(ErrorCodes.EventTimesInvalid, "startsAt"),
        Kst(EndsAt) ?? throw AppException.Validation(ErrorCodes.EventTimesInvalid, "endsAt"), Capacity, Fee is 0 ? null : Fee, Audience,
        Kst(SignupOpensAt), Kst(SignupClosesAt), Kst(CancelDeadline));

    private static string Local(DateTimeOffset? at) => at?.ToKst().ToString(LocalFormat, CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? Kst(string text) =>
        DateTime.TryParseExact(text, ReadFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, KoreanTime.Offset)
            : null;
}
