using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

public sealed class PortOneOptionsTests
{
    [Fact]
    public void Live_mode_names_every_missing_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Testing", ("PortOne:Mode", "Live"), ("PortOne:ImpSecret", "secret")));

        Assert.Contains("PortOne:ImpKey", failure.Message);
        Assert.Contains("PortOne:MerchantCode", failure.Message);
        Assert.Contains("PortOne:ChannelKey", failure.Message);
        Assert.DoesNotContain("PortOne:ImpSecret", failure.Message);
        Assert.DoesNotContain("PortOne:BaseUrl", failure.Message);
    }

    [Fact]
    public void Production_refuses_the_sandbox()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Production"));

        Assert.Contains("PortOne:Mode must be Live", failure.Message);
    }

    [Fact]
    public void Production_in_live_mode_with_every_key_talks_to_PortOne_and_ignores_test_payments()
    {
        var options = Resolve("Production", ("PortOne:Mode", "Live"), ("PortOne:ImpKey", "key"), ("PortOne:ImpSecret", "secret"),
            ("PortOne:MerchantCode", "imp12345678"), ("PortOne:ChannelKey", "channel-key-1"));

        Assert.Equal(PortOneOptions.LiveBaseUrl, options.BaseUrl);
        Assert.False(options.EffectiveIncludeSandboxPayments);
    }

    [Fact]
    public void Sandbox_mode_uses_the_sandbox_credentials_of_the_embedded_settings()
    {
        var options = Resolve("Development", embeddedDefaults: true);

        Assert.Equal(("sandbox_imp_key", "sandbox_imp_secret", "imp00000000", "channel-key-sandbox-kakaopay", true),
            (options.ImpKey, options.ImpSecret, options.MerchantCode, options.ChannelKey, options.EffectiveIncludeSandboxPayments));
        Assert.Equal((options.ImpKey, options.ImpSecret), (options.Sandbox.ImpKey, options.Sandbox.ImpSecret));
        Assert.Null(options.BaseUrl);
    }

    [Fact]
    public void Sandbox_mode_without_sandbox_credentials_names_each_missing_one()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Development", embeddedDefaults: false, ("PortOne:Sandbox:ImpKey", "key")));

        Assert.Contains("PortOne:Sandbox:ImpSecret", failure.Message);
        Assert.Contains("PortOne:Sandbox:ChannelKey", failure.Message);
        Assert.DoesNotContain("PortOne:Sandbox:ImpKey", failure.Message);
    }

    [Fact]
    public void Live_V2_names_each_missing_V2_setting_and_needs_no_V1_keys()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Production", ("PortOne:Mode", "Live"), ("PortOne:Version", "V2"),
            ("PortOne:V2:StoreId", "store-1")));

        Assert.Contains("PortOne:Mode is Live with Version V2", failure.Message);
        foreach (var key in new[] { "ChannelKey", "ApiSecret", "WebhookSecret" })
            Assert.Contains($"PortOne:V2:{key} (environment variable PortOne__V2__{key})", failure.Message);
        Assert.DoesNotContain("PortOne:V2:StoreId", failure.Message);
        Assert.DoesNotContain("PortOne:V2:BaseUrl", failure.Message);
        Assert.DoesNotContain("ImpKey", failure.Message);
    }

    [Theory]
    [InlineData("not-a-secret")]
    [InlineData("whsec_")]
    [InlineData("whsec_***")]
    public void Live_V2_refuses_a_webhook_secret_that_is_not_whsec_base64(string secret)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Production", LiveV2(("PortOne:V2:WebhookSecret", secret))));

        Assert.Contains("PortOne:V2:WebhookSecret must be the console's whsec_", failure.Message);
    }

    [Theory]
    [InlineData("lib/portone/browser-sdk.js")]
    [InlineData("/lib/portone/browser-sdk.js")]
    [InlineData("https://cdn.portone.io/v2/browser-sdk.js")]
    public void Live_V2_takes_a_browser_sdk_of_the_app_or_on_portone_io(string url) =>
        Assert.Equal(url, Resolve("Production", LiveV2(("PortOne:V2:BrowserSdkUrl", url))).V2.BrowserSdkUrl);

    [Theory]
    [InlineData("https://cdn.example.com/browser-sdk.js")]
    [InlineData("//cdn.example.com/browser-sdk.js")]
    [InlineData("http://cdn.portone.io/v2/browser-sdk.js")]
    [InlineData("https://portone.io.example.com/browser-sdk.js")]
    [InlineData("javascript:alert(1)")]
    public void Live_V2_refuses_a_browser_sdk_the_pages_script_policy_would_block(string url)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve("Production", LiveV2(("PortOne:V2:BrowserSdkUrl", url))));

        Assert.Contains("PortOne:V2:BrowserSdkUrl", failure.Message);
    }

    [Fact]
    public void Live_V2_with_every_setting_talks_to_api_portone_io_and_keeps_V1_for_orders_made_before_when_its_keys_are_there()
    {
        var v2Only = Resolve("Production", LiveV2());
        var alsoV1 = Resolve("Production", LiveV2(("PortOne:ImpKey", "key"), ("PortOne:ImpSecret", "secret")));
        var halfV1 = Assert.Throws<OptionsValidationException>(() => Resolve("Production", LiveV2(("PortOne:ImpKey", "key"))));

        Assert.Equal((GatewayVersion.V2, PortOneOptions.V2LiveBaseUrl), (v2Only.Version, v2Only.V2.BaseUrl));
        Assert.Equal(PortOneOptions.LiveBaseUrl, alsoV1.BaseUrl);
        Assert.Contains("PortOne:ImpSecret", halfV1.Message);
        Assert.DoesNotContain("PortOne:MerchantCode", halfV1.Message);
    }

    [Fact]
    public void Sandbox_V2_uses_the_embedded_V2_sandbox_settings()
    {
        var options = Resolve("Development", embeddedDefaults: true, ("PortOne:Version", "V2"));

        Assert.Equal(GatewayVersion.V2, options.Version);
        Assert.Equal((options.Sandbox.V2.StoreId, options.Sandbox.V2.ApiSecret, options.Sandbox.V2.WebhookSecret, options.Sandbox.V2.ChannelKey),
            (options.V2.StoreId, options.V2.ApiSecret, options.V2.WebhookSecret, options.V2.ChannelKey));
        Assert.StartsWith("whsec_", options.V2.WebhookSecret);
        Assert.Null(options.V2.BaseUrl);
    }

    /// <summary>Every V2 setting of a live store, <paramref name="changed"/> replacing or adding some.</summary>
    private static (string Key, string Value)[] LiveV2(params (string Key, string Value)[] changed)
    {
        var settings = new Dictionary<string, string>
        {
            ["PortOne:Mode"] = "Live", ["PortOne:Version"] = "V2", ["PortOne:V2:StoreId"] = "store-1", ["PortOne:V2:ChannelKey"] = "channel-key-1",
            ["PortOne:V2:ApiSecret"] = "secret", ["PortOne:V2:WebhookSecret"] = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=",
        };
        foreach (var (key, value) in changed) settings[key] = value;
        return [.. settings.Select(setting => (setting.Key, setting.Value))];
    }

    private static PortOneOptions Resolve(string environment, params (string Key, string Value)[] settings) =>
        Resolve(environment, embeddedDefaults: false, settings);

    /// <summary><paramref name="embeddedDefaults"/>: start from the web app's appsettings.json, as the app does.</summary>
    private static PortOneOptions Resolve(string environment, bool embeddedDefaults, params (string Key, string Value)[] settings)
    {
        var builder = new ConfigurationBuilder();
        if (embeddedDefaults) builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false);
        var configuration = builder
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new FixedEnvironment(environment));
        services.AddPortOneGateway(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PortOneOptions>>().Value;
    }

    private sealed class FixedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Woohakdong.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
