using Woohakdong.Core.Events;

namespace Woohakdong.Tests.Events;

public sealed class EventOptionsTests
{
    private static readonly EventOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_pass() => Assert.True(Validator.Validate(null, new EventOptions()).Succeeded);

    [Fact]
    public void A_zero_or_negative_reminder_interval_is_refused_naming_it()
    {
        foreach (var interval in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(-5) })
            Assert.Contains("Events:ReminderInterval", Validator.Validate(null, new EventOptions { ReminderInterval = interval }).FailureMessage);
    }
}
