using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>
/// <c>Email:*</c>. With <c>Email:Smtp:Host</c> set, mail goes out through that SMTP server; without it (the embedded
/// default) into <see cref="PickupDirectory"/>, readable at <c>/dev/mail</c> in Development. Production must name the
/// SMTP server, the sender and the public address links point to.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Email";
    public const string DefaultFrom = "우학동 <no-reply@woohakdong.local>";

    /// <summary>The sender, e.g. <c>우학동 &lt;no-reply@woohakdong.kr&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The app's public address, the base of every link in an e-mail; the app's own listening address when not set.</summary>
    public string? LinkBaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The local outbox of the embedded default: one .eml file per mail.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>Attempts before a mail that keeps failing is marked failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; each further one waits five times longer, at most six hours.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a worker looks for mail recorded by other instances or due for a retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed mail is a worker's alone; longer than any send, so two workers never send one at once.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>TLS from the first byte on port 465, STARTTLS on any other; false only for a trusted local relay.</summary>
    public bool UseTls { get; set; } = true;
}

internal sealed class MailOptionsDefaults(IHostEnvironment? environment = null) : IPostConfigureOptions<MailOptions>
{
    public void PostConfigure(string? name, MailOptions options)
    {
        // Production names its sender (validated); elsewhere a placeholder keeps the embedded default running.
        if (environment?.IsProduction() != true && string.IsNullOrWhiteSpace(options.From)) options.From = MailOptions.DefaultFrom;
    }
}

internal sealed class MailOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (environment?.IsProduction() == true)
        {
            if (!options.UsesSmtp) failures.Add(Missing("Email:Smtp:Host", "an SMTP server: the local outbox is for development"));
            if (string.IsNullOrWhiteSpace(options.From)) failures.Add(Missing("Email:From", "the sender address"));
            if (string.IsNullOrWhiteSpace(options.LinkBaseUrl)) failures.Add(Missing("Email:LinkBaseUrl", "the public https address links in e-mails point to"));
        }
        if (!string.IsNullOrWhiteSpace(options.From) && !MimeKit.MailboxAddress.TryParse(options.From, out _))
            failures.Add($"Email:From is not an e-mail address (was '{options.From}').");
        if (!string.IsNullOrWhiteSpace(options.LinkBaseUrl)
            && (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")))
            failures.Add($"Email:LinkBaseUrl must be an absolute http(s) address (was '{options.LinkBaseUrl}').");
        if (options.UsesSmtp && options.Smtp.Port is < 1 or > 65535) failures.Add($"Email:Smtp:Port must be a port number (was {options.Smtp.Port}).");
        if (options.MaxAttempts < 1) failures.Add("Email:MaxAttempts must be at least 1.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static string Missing(string key, string what) =>
        $"{key} is missing ({what}; environment variable {key.Replace(":", "__", StringComparison.Ordinal)}).";
}
