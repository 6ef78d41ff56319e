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
    public const string V2LiveBaseUrl = "https://api.portone.io";
    public const string V2SandboxPath = "/sandbox/portone/v2";

    public PortOneMode Mode { get; set; } = PortOneMode.Sandbox;

    /// <summary>The API new orders are made with; orders made before a switch keep settling through their own.</summary>
    public GatewayVersion Version { get; set; } = GatewayVersion.V1;

    /// <summary>PortOne V2's settings; in Sandbox mode those not set come from <see cref="PortOneSandboxOptions.V2"/>.</summary>
    public PortOneV2Options V2 { get; set; } = new();

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

    /// <summary>The V2 sandbox's store id, channel key, API secret and webhook secret (it accepts and signs with exactly these).</summary>
    public PortOneV2Options V2 { get; set; } = new();
}

/// <summary>PortOne V2 (<c>api.portone.io</c>), from its console: 상점 아이디, 채널 키, API Secret, 웹훅 시크릿.</summary>
public sealed class PortOneV2Options
{
    /// <summary>Live: <see cref="PortOneOptions.V2LiveBaseUrl"/> when not set. Sandbox: the app's own <see cref="PortOneOptions.V2SandboxPath"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary><c>store-…</c>: payments are asked for in this store, and one paid to another store is refunded.</summary>
    public string? StoreId { get; set; }

    /// <summary>The channel key passed to <c>PortOne.requestPayment</c>.</summary>
    public string? ChannelKey { get; set; }

    /// <summary>
    /// Live: where pages load PortOne's browser SDK (<c>@portone/browser-sdk</c>): PortOne's own address when not set, or a
    /// path of the app (relative to it, e.g. <c>lib/portone/browser-sdk.js</c> for a copy kept in wwwroot), or another https
    /// address on <c>*.portone.io</c>; the pages' script policy allows nothing else. The sandbox always serves its stand-in.
    /// </summary>
    public string? BrowserSdkUrl { get; set; }

    /// <summary>Sent as <c>Authorization: PortOne {ApiSecret}</c>.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The <c>whsec_…</c> secret of the console's webhook (version 2024-04-25).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret before the last rotation; webhooks signed with it still verify until it is removed.</summary>
    public string? WebhookSecretPrevious { get; set; }
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
            options.V2.BaseUrl ??= PortOneOptions.V2LiveBaseUrl;
            options.V2.BrowserSdkUrl = NullIfBlank(options.V2.BrowserSdkUrl);
            return;
        }
        var (v2, sandbox) = (options.V2, options.Sandbox.V2);
        v2.StoreId = NullIfBlank(v2.StoreId) ?? sandbox.StoreId;
        v2.ChannelKey = NullIfBlank(v2.ChannelKey) ?? sandbox.ChannelKey;
        v2.ApiSecret = NullIfBlank(v2.ApiSecret) ?? sandbox.ApiSecret;
        v2.WebhookSecret = NullIfBlank(v2.WebhookSecret) ?? sandbox.WebhookSecret;
        v2.WebhookSecretPrevious = NullIfBlank(v2.WebhookSecretPrevious);
        v2.BaseUrl = NullIfBlank(v2.BaseUrl);
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
        if (!Enum.IsDefined(options.Version))
            return ValidateOptionsResult.Fail($"PortOne:Version must be V1 or V2 (was '{options.Version}').");
        if (options.Mode != PortOneMode.Live)
            return environment?.IsProduction() == true
                ? ValidateOptionsResult.Fail(
                    "PortOne:Mode must be Live in the Production environment (environment variable PortOne__Mode=Live); " +
                    "the PortOne sandbox is for development and demos.")
                : First(
                    Missing("PortOne:Mode is Sandbox but these settings are missing", "PortOne:Sandbox",
                        ("ImpKey", options.Sandbox.ImpKey), ("ImpSecret", options.Sandbox.ImpSecret),
                        ("MerchantCode", options.Sandbox.MerchantCode), ("ChannelKey", options.Sandbox.ChannelKey)),
                    () => options.Version == GatewayVersion.V2 ? ValidateV2("PortOne:Mode is Sandbox with Version V2", options.V2, live: false) : ValidateOptionsResult.Success);

        // V2 mode still settles the orders made under V1 while it has V1's keys; the browser's V1 settings are not needed.
        var v1Live = options.Version == GatewayVersion.V1
            || !string.IsNullOrWhiteSpace(options.ImpKey) || !string.IsNullOrWhiteSpace(options.ImpSecret);
        return First(
            v1Live
                ? Missing("PortOne:Mode is Live but these settings are missing", "PortOne",
                    [("BaseUrl", options.BaseUrl), ("ImpKey", options.ImpKey), ("ImpSecret", options.ImpSecret),
                     .. options.Version == GatewayVersion.V1 ? [("MerchantCode", options.MerchantCode), ("ChannelKey", options.ChannelKey)] : Array.Empty<(string, string?)>()])
                : ValidateOptionsResult.Success,
            () => v1Live ? Https("PortOne:BaseUrl", options.BaseUrl) : ValidateOptionsResult.Success,
            () => options.Version == GatewayVersion.V2 ? ValidateV2("PortOne:Mode is Live with Version V2", options.V2, live: true) : ValidateOptionsResult.Success);
    }

    /// <summary>Live needs every V2 key and an https address; the sandbox has its own address and the embedded keys.</summary>
    private static ValidateOptionsResult ValidateV2(string problem, PortOneV2Options v2, bool live) => First(
        Missing($"{problem} but these settings are missing", live ? "PortOne:V2" : "PortOne:Sandbox:V2",
            [.. live ? [("BaseUrl", v2.BaseUrl)] : Array.Empty<(string, string?)>(), ("StoreId", v2.StoreId), ("ChannelKey", v2.ChannelKey),
             ("ApiSecret", v2.ApiSecret), ("WebhookSecret", v2.WebhookSecret)]),
        () => live ? Https("PortOne:V2:BaseUrl", v2.BaseUrl) : ValidateOptionsResult.Success,
        () => PortOneV2.WebhookSignatures.IsSecret(v2.WebhookSecret) ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("PortOne:V2:WebhookSecret must be the console's whsec_… secret (whsec_ and base64)."),
        () => v2.WebhookSecretPrevious is null || PortOneV2.WebhookSignatures.IsSecret(v2.WebhookSecretPrevious) ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("PortOne:V2:WebhookSecretPrevious must be a whsec_… secret when set."),
        () => !live || v2.BrowserSdkUrl is null || IsAppPath(v2.BrowserSdkUrl) || IsOnPortOne(v2.BrowserSdkUrl) ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"PortOne:V2:BrowserSdkUrl must be a path of the app (a copy in wwwroot) or an https address on *.portone.io (was '{v2.BrowserSdkUrl}')."));

    /// <summary>A path resolved against the app's own address: no scheme, and not <c>//host</c>, which would leave it.</summary>
    private static bool IsAppPath(string url) =>
        !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Relative, out _);

    private static bool IsOnPortOne(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttps
        && address.Host.EndsWith(".portone.io", StringComparison.OrdinalIgnoreCase);

    private static ValidateOptionsResult Https(string key, string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{key} must be an absolute https address (was '{value}').");

    /// <summary>The first failure, checking the later ones only when the earlier passed.</summary>
    private static ValidateOptionsResult First(ValidateOptionsResult first, params Func<ValidateOptionsResult>[] then)
    {
        if (first.Failed) return first;
        foreach (var next in then)
            if (next() is { Failed: true } failed) return failed;
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
