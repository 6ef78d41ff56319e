namespace Woohakdong.Web.Sandbox.PortOne;

public static class SandboxRegistration
{
    /// <summary>The sandbox's services; cheap and idle in Live mode, where its endpoints are not mapped.</summary>
    public static IServiceCollection AddPortOneSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxStore>();
        services.AddSingleton<SandboxWebhooks>();
        services.AddSingleton<SandboxTokenFilter>();
        services.AddSingleton<SandboxV2Store>();
        services.AddSingleton<SandboxV2Webhooks>();
        services.AddSingleton<SandboxV2Idempotency>();
        // A webhook receiver that hangs must not hold the sandbox's delivery for long: PortOne gives up quickly too.
        services.AddHttpClient(SandboxWebhooks.ClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        return services;
    }
}
