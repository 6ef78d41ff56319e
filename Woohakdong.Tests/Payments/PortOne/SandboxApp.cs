using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Sandbox.PortOne;

namespace Woohakdong.Tests.Payments.PortOne;

/// <summary>The app on a real port, in its default Sandbox mode: the gateway the app resolves talks to the app's own sandbox.</summary>
public abstract class SandboxApp(AppFactoryBase app) : IAsyncLifetime
{
    public AppFactoryBase App { get; } = app;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public IPaymentGateway Gateway => App.Services.GetRequiredService<PaymentGateways>().For(GatewayVersion.V1);
    public SandboxStore Store => App.Services.GetRequiredService<SandboxStore>();

    /// <summary>The sandbox's credentials, as the app read them from its settings.</summary>
    public PortOneSandboxOptions Credentials => App.Services.GetRequiredService<IOptions<PortOneOptions>>().Value.Sandbox;

    public ValueTask InitializeAsync()
    {
        BaseAddress = App.StartOnRealPort();
        Http = new HttpClient { BaseAddress = new Uri(BaseAddress, "sandbox/portone/") };
        return ValueTask.CompletedTask;
    }

    public async Task<string> TokenAsync(CancellationToken ct)
    {
        var answer = await Http.PostAsJsonAsync(
            "users/getToken", new { imp_key = Credentials.ImpKey, imp_secret = Credentials.ImpSecret }, ct);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("response").GetProperty("access_token").GetString()!;
    }

    /// <summary>Acts as the buyer through the sandbox's control endpoint; returns the payment's imp_uid.</summary>
    public async Task<string> BuyerPaysAsync(string merchantUid, long amount, CancellationToken ct, string outcome = "paid")
    {
        var answer = await Http.PostAsJsonAsync("buyer/pay", new { merchant_uid = merchantUid, amount, outcome, webhook = false }, ct);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("response").GetProperty("imp_uid").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSandboxApp() : SandboxApp(new AppFactory());

public sealed class PostgresSandboxApp() : SandboxApp(new PostgresAppFactory());
