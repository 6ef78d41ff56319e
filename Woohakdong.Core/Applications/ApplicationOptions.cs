using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Applications;

/// <summary>Settings under <c>Applications</c>.</summary>
public sealed class ApplicationOptions
{
    public const string Section = "Applications";

    /// <summary>How often officers hear of new applications (one notification per group per pass) and reminders go out.</summary>
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long before the payment deadline an approved student is reminded.</summary>
    public TimeSpan PaymentReminderBefore { get; set; } = TimeSpan.FromHours(24);
}

internal sealed class ApplicationOptionsValidator : IValidateOptions<ApplicationOptions>
{
    public ValidateOptionsResult Validate(string? name, ApplicationOptions options) =>
        options.NoticeInterval <= TimeSpan.Zero || options.PaymentReminderBefore <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{ApplicationOptions.Section}:NoticeInterval and {ApplicationOptions.Section}:PaymentReminderBefore must be positive time spans (e.g. 01:00:00).")
            : ValidateOptionsResult.Success;
}
