using Bunit;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Components.Pages.Payments;

namespace Woohakdong.Tests.Payments.Pages;

/// <summary>Which script the V2 payment window loads in Live mode: PortOne's by default, or the one the setting names.</summary>
public sealed class PaymentWindowTests : PatientBunitContext
{
    private static readonly Uri AppBase = new("https://club.example/");

    private async Task<string> ScriptLoadedAsync(string? browserSdkUrl)
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        var module = JSInterop.SetupModule(new Uri(AppBase, "js/payment.js").ToString());
        module.Setup<PaymentResponse>("requestPayment", _ => true).SetResult(new PaymentResponse("pay-1", "pay-1", null, null));
        var options = new PortOneOptions { Mode = PortOneMode.Live, Version = GatewayVersion.V2, V2 = { StoreId = "store-1", ChannelKey = "channel-1", BrowserSdkUrl = browserSdkUrl } };
        await using var window = new PaymentWindow(JSInterop.JSRuntime, options, AppBase);

        await window.RequestPayAsync(new PaymentRequest("pay-1", "회비", 30_000, "a@b.c", "학생", "010-0000-0000"), Xunit.TestContext.Current.CancellationToken);

        return (string)module.Invocations["requestPayment"].Single().Arguments[0]!;
    }

    [Fact]
    public async Task By_default_the_live_V2_window_loads_PortOnes_browser_sdk() =>
        Assert.Equal(PaymentWindow.LiveV2ScriptUrl, await ScriptLoadedAsync(null));

    [Theory]
    [InlineData("lib/portone/browser-sdk.js", "https://club.example/lib/portone/browser-sdk.js")]
    [InlineData("https://cdn.portone.io/v2/browser-sdk.esm.js", "https://cdn.portone.io/v2/browser-sdk.esm.js")]
    public async Task The_setting_serves_the_sdk_from_the_apps_wwwroot_or_another_portone_address(string setting, string loaded) =>
        Assert.Equal(loaded, await ScriptLoadedAsync(setting));
}
