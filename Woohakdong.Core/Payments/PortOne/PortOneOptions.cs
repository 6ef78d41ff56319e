using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments.PortOne;

public enum PortOneMode
{
    /// <summary>The app's own PortOne stand-in under <c>/sandbox/portone</c>: no real money moves.</summary>
    Sandbox,
    Live,
}

/// <summary>Settings under <c>PortOne</c>. Sandbox is the embedded default; Live needs every key from PortOne's console.</summary>
public sealed class PortOneOptions
{
    public const string Section = "PortOne";
    public const string LiveBaseUrl = "https://api.iamport.kr";
    public const string SandboxPath = "/sandbox/portone";

    public PortOneMode Mode { get; set; } = PortOneMode.Sandbox;

    /// <summary>
    /// Live: PortOne's API (<see cref="LiveBaseUrl"/> when not set). Sandbox: when not set, the app's own listening
    /// address plus <see cref="SandboxPath"/>, found at first use; set it when the app is reached through another address.
    /// </summary>
    public string? BaseUrl { get; set; }

    public string? ImpKey { get; set; }
    public string? ImpSecret { get; set; }

    /// <summary>The store's <c>imp########</c> code for <c>IMP.init</c>.</summary>
    public string? MerchantCode { get; set; }

    /// <summary>The channel key passed to <c>IMP.request_pay</c>.</summary>
    public string? ChannelKey { get; set; }

    /// <summary>The deprecated "pgcode.MID" form, for stores that still use it (e.g. <c>kakaopay.TC0ONETIME</c>).</summary>
    public string? Pg { get; set; }

    /// <summary>
    /// Whether payments made on a PortOne test channel count (<c>include_sandbox=true</c>). Defaults to true in Sandbox
    /// mode and false in Live mode, so a test payment never completes a real order unless a staging setup asks for it.
    /// </summary>
    public bool? IncludeSandboxPayments { get; set; }

    public PortOneSandboxOptions Sandbox { get; set; } = new();

    public bool EffectiveIncludeSandboxPayments => IncludeSandboxPayments ?? Mode == PortOneMode.Sandbox;
}

/// <summary>
/// The sandbox's own credentials (embedded defaults in appsettings.json): it accepts exactly these, and in Sandbox mode
/// the client uses them unless PortOne:ImpKey and the others are set. They open nothing at PortOne.
/// </summary>
public sealed class PortOneSandboxOptions
{
    public string? ImpKey { get; set; }
    public string? ImpSecret { get; set; }
    public string? MerchantCode { get; set; }
    public string? ChannelKey { get; set; }

    /// <summary>Where the sandbox sends webhooks when a payment has no <c>notice_url</c>; the app's own /webhooks/portone when not set.</summary>
    public string? WebhookUrl { get; set; }
}

/// <summary>Fills what each mode implies, before validation: PortOne's address in Live, the sandbox's credentials in Sandbox.</summary>
internal sealed class PortOneOptionsDefaults : IPostConfigureOptions<PortOneOptions>
{
    public void PostConfigure(string? name, PortOneOptions options)
    {
        if (options.Mode == PortOneMode.Live)
        {
            // Only a missing setting gets the default: an explicitly empty one is reported by the validator.
            options.BaseUrl ??= PortOneOptions.LiveBaseUrl;
            return;
        }
        options.ImpKey = NullIfBlank(options.ImpKey) ?? options.Sandbox.ImpKey;
        options.ImpSecret = NullIfBlank(options.ImpSecret) ?? options.Sandbox.ImpSecret;
        options.MerchantCode = NullIfBlank(options.MerchantCode) ?? options.Sandbox.MerchantCode;
        options.ChannelKey = NullIfBlank(options.ChannelKey) ?? options.Sandbox.ChannelKey;
        options.BaseUrl = NullIfBlank(options.BaseUrl);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// Production takes real money: it must name <c>Mode=Live</c> with every key, so that nothing falls back to the sandbox
/// silently and a forgotten key stops start-up instead of the first payment.
/// </summary>
internal sealed class PortOneOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<PortOneOptions>
{
    public ValidateOptionsResult Validate(string? name, PortOneOptions options)
    {
        if (options.Mode != PortOneMode.Live)
            return environment?.IsProduction() == true
                ? ValidateOptionsResult.Fail(
                    "PortOne:Mode must be Live in the Production environment (environment variable PortOne__Mode=Live); " +
                    "the PortOne sandbox is for development and demos.")
                : Missing("PortOne:Mode is Sandbox but these settings are missing", "PortOne:Sandbox",
                    ("ImpKey", options.Sandbox.ImpKey), ("ImpSecret", options.Sandbox.ImpSecret),
                    ("MerchantCode", options.Sandbox.MerchantCode), ("ChannelKey", options.Sandbox.ChannelKey));

        var missing = Missing("PortOne:Mode is Live but these settings are missing", "PortOne",
            ("BaseUrl", options.BaseUrl), ("ImpKey", options.ImpKey), ("ImpSecret", options.ImpSecret),
            ("MerchantCode", options.MerchantCode), ("ChannelKey", options.ChannelKey));
        if (missing.Failed) return missing;
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttps)
            return ValidateOptionsResult.Fail($"PortOne:BaseUrl must be an absolute https address (was '{options.BaseUrl}').");
        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Missing(string problem, string section, params (string Key, string? Value)[] settings)
    {
        var missing = settings
            .Where(setting => string.IsNullOrWhiteSpace(setting.Value))
            .Select(setting => $"{section}:{setting.Key} (environment variable {section.Replace(":", "__", StringComparison.Ordinal)}__{setting.Key})")
            .ToList();
        return missing.Count > 0 ? ValidateOptionsResult.Fail($"{problem}: {string.Join(", ", missing)}.") : ValidateOptionsResult.Success;
    }
}
