using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Events;

/// <summary>Settings under <c>Events</c>.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>How long a paid event's waitlist offer keeps its seat for the student to pay (never past the start).</summary>
    public TimeSpan OfferHoldDuration { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How often each instance looks for freed seats owed to a waitlist that no instance offered yet.</summary>
    public TimeSpan OfferSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options) =>
        options.OfferHoldDuration <= TimeSpan.Zero || options.OfferSweepInterval <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{EventOptions.Section}:OfferHoldDuration and {EventOptions.Section}:OfferSweepInterval must be positive time spans (e.g. 1.00:00:00).")
            : ValidateOptionsResult.Success;
}
