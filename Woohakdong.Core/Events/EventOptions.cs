using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Events;

/// <summary>Settings under <c>Events</c>; every one has a working default.</summary>
public sealed class EventOptions
{
    public const string Section = "Events";

    /// <summary>How often each instance looks for events whose day-before reminders are due (<see cref="EventReminders"/>).</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
}

internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        var problems = new List<string>();
        if (options.ReminderInterval <= TimeSpan.Zero)
            problems.Add($"{EventOptions.Section}:ReminderInterval must be a positive time span (e.g. 00:05:00).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
