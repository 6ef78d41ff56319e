using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Core.Payments.PortOneV2;

namespace Woohakdong.Core.Payments;

public static class PaymentsRegistration
{
    /// <summary>
    /// <see cref="IPaymentGateway"/> as PortOne V1 and as PortOne V2, each against the app's own sandbox unless
    /// <c>PortOne:Mode</c> is Live, and <see cref="PaymentGateways"/> to pick an order's. V1 retries only reads: a
    /// prepare or cancel whose answer was lost may have happened, and the caller decides after re-fetching the payment (a
    /// repeated cancel would be refused by its checksum anyway, but it would turn a success into a confusing error).
    /// V2 also retries its writes, which carry an <c>Idempotency-Key</c>: PortOne answers the retry with the first answer.
    /// Every call, reads and writes, has a timeout.
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
        WithResilience(services.AddHttpClient<PortOneV1Gateway>(), retry => retry.DisableForUnsafeHttpMethods());
        WithResilience(services.AddHttpClient<PortOneV2Gateway>(), retry => retry.DisableWhere(request =>
            request.Method != HttpMethod.Get && !request.Headers.Contains(PortOneV2Gateway.IdempotencyHeader)));
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<PortOneV1Gateway>());
        services.AddTransient<IPaymentGateway>(provider => provider.GetRequiredService<PortOneV2Gateway>());
        services.AddTransient<PaymentGateways>();
        return services;
    }

    /// <summary>Like <c>DisableFor(methods)</c>, for requests picked by more than their method.</summary>
    private static void DisableWhere(this HttpRetryStrategyOptions retry, Func<HttpRequestMessage, bool> refuse)
    {
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = args => args.Context.GetRequestMessage() is { } request && refuse(request) ? ValueTask.FromResult(false) : transient(args);
    }

    private static void WithResilience(IHttpClientBuilder client, Action<HttpRetryStrategyOptions> retries) =>
        client.AddStandardResilienceHandler(resilience =>
        {
            retries(resilience.Retry);
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
        });
}
