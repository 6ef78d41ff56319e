using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Core.Payments.PortOneV2;

namespace Woohakdong.Core.Payments;

public static class PaymentsRegistration
{
    /// <summary>
    /// <see cref="IPaymentGateway"/> as PortOne V1 and as PortOne V2, each against the app's own sandbox unless
    /// <c>PortOne:Mode</c> is Live, and <see cref="PaymentGateways"/> to pick an order's. Both retry only reads: a
    /// prepare or cancel whose answer was lost may have happened, and the caller decides after re-fetching the payment
    /// (the webhook inbox's next pass, the reconciler, an officer's second click). V2's writes carry an
    /// <c>Idempotency-Key</c>, so such a later attempt at the same write is answered with the first answer rather than
    /// acting twice. Every call, reads and writes, has a timeout.
    /// </summary>
    public static IServiceCollection AddPortOneGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortOneOptions>().Bind(configuration.GetSection(PortOneOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<PortOneOptions>, PortOneOptionsDefaults>();
        services.AddSingleton<IValidateOptions<PortOneOptions>, PortOneOptionsValidator>();
        services.TryAddSingleton<OwnServerAddress>();
        services.AddSingleton<PortOneEndpoint>();
        services.AddSingleton<PortOneV2Endpoint>();
        services.AddSingleton<PortOneAccessTokens>();
        services.AddSingleton<WebhookSignatures>();
        WithResilience(services.AddHttpClient<PortOneV1Gateway>());
        WithResilience(services.AddHttpClient<PortOneV2Gateway>());
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<PortOneV1Gateway>());
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<PortOneV2Gateway>());
        services.AddTransient<PaymentGateways>();
        return services;
    }

    private static void WithResilience(IHttpClientBuilder client) =>
        client.AddStandardResilienceHandler(resilience =>
        {
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
        });
}
