using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Events;

/// <summary>Settings under <c>Events</c>; every one has a working default.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>How often each instance looks for events whose day-before reminders are due (<see cref="EventReminders"/>).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>How long a paid event's waitlist offer keeps its seat for the student to pay (never past the start).</summary>
    public TimeSpan OfferHoldDuration { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How often each instance looks for freed seats owed to a waitlist that no instance offered yet.</summary>
    public TimeSpan OfferSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.ReminderInterval), options.ReminderInterval), (nameof(options.OfferHoldDuration), options.OfferHoldDuration),
                     (nameof(options.OfferSweepInterval), options.OfferSweepInterval),
                 })
            if (value <= TimeSpan.Zero) problems.Add($"{EventOptions.Section}:{key} must be a positive time span (e.g. 00:05:00).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
