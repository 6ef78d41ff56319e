using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Core.Payments;

public static class PaymentsRegistration
{
    /// <summary>
    /// <see cref="IPaymentGateway"/> as PortOne V1, against the app's own sandbox unless <c>PortOne:Mode</c> is Live.
    /// Only reads are retried: a prepare or cancel whose answer was lost may have happened, and the caller decides
    /// after re-fetching the payment (a repeated cancel would be refused by its checksum anyway, but it would turn a
    /// success into a confusing error). Every call, reads and writes, has a timeout.
    /// </summary>
    public static IServiceCollection AddPortOneGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortOneOptions>().Bind(configuration.GetSection(PortOneOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<PortOneOptions>, PortOneOptionsDefaults>();
        services.AddSingleton<IValidateOptions<PortOneOptions>, PortOneOptionsValidator>();
        services.TryAddSingleton<OwnServerAddress>();
        services.AddSingleton<PortOneEndpoint>();
        services.AddSingleton<PortOneAccessTokens>();
        services.AddHttpClient<IPaymentGateway, PortOneV1Gateway>()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.DisableForUnsafeHttpMethods();
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(15);
            });
        return services;
    }
}
