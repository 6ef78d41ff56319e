using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Payments;

public static class OrdersRegistration
{
    /// <summary>Paid joins, their completion and the reconciler; the <see cref="IPaymentGateway"/> is registered by its own feature.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidator>();
        services.AddScoped<OrderLedger>();
        // Built on first use rather than checked when the container is built, so a host or tool without a gateway still starts.
        AddNeedingGateway<OrderRefunds>(services);
        AddNeedingGateway<PaidOrderSettlement>(services);
        AddNeedingGateway<OrderCompletion>(services);
        AddNeedingGateway<OrderReconciliation>(services);
        AddNeedingGateway<MyOrders>(services);
        AddNeedingGateway<StartPaidJoin>(services);
        services.AddHostedService<Reconciler>();
        return services;
    }

    private static void AddNeedingGateway<T>(IServiceCollection services) where T : class =>
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<T>(sp));
}
