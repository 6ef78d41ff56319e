using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Hosting;

/// <summary>Seats left of a join group, for the club pages and recruitment settings watching it.</summary>
public sealed class SeatsLeftNotifier(IEventChannel<SeatsChanged> events, TimeProvider time, ILogger<SeatsLeftNotifier> logger)
    : PageNotifier<SeatsChanged, int>(events, time, logger)
{
    protected override long KeyOf(SeatsChanged message) => message.GroupId;

    protected override int ValueOf(SeatsChanged message) => message.SeatsLeft;
}

/// <summary>An order's status, for its result page, wherever the webhook or the reconciler completed it.</summary>
public sealed class OrderStatusNotifier(IEventChannel<OrderChanged> events, TimeProvider time, ILogger<OrderStatusNotifier> logger)
    : PageNotifier<OrderChanged, OrderStatus>(events, time, logger)
{
    protected override long KeyOf(OrderChanged message) => message.OrderId;

    protected override OrderStatus ValueOf(OrderChanged message) => message.Status;
}

public static class PageNotifierSetup
{
    public static IServiceCollection AddPageNotifiers(this IServiceCollection services)
    {
        services.AddSingleton<SeatsLeftNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<SeatsLeftNotifier>());
        services.AddSingleton<OrderStatusNotifier>();
        return services.AddHostedService(sp => sp.GetRequiredService<OrderStatusNotifier>());
    }
}
