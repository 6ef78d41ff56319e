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
