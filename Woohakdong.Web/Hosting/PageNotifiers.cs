using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Hosting;

/// <summary>Seats left of a join group, for the club pages and recruitment settings watching it.</summary>
public sealed class SeatsLeftNotifier(IEventChannel<SeatsChanged> events, TimeProvider time, ILogger<SeatsLeftNotifier> logger)
    : PageNotifier<SeatsChanged, long, int>(events, time, logger)
{
    protected override long KeyOf(SeatsChanged message) => message.PoolId;

    protected override int ValueOf(SeatsChanged message) => message.SeatsLeft;
}

/// <summary>An order's status, for its result page, wherever the webhook or the reconciler completed it.</summary>
public sealed class OrderStatusNotifier(IEventChannel<OrderChanged> events, TimeProvider time, ILogger<OrderStatusNotifier> logger)
    : PageNotifier<OrderChanged, long, OrderStatus>(events, time, logger)
{
    protected override long KeyOf(OrderChanged message) => message.OrderId;

    protected override OrderStatus ValueOf(OrderChanged message) => message.Status;
}

/// <summary>
/// A user's inbox changed (a notification arrived or was read on any instance), for the bell and the inbox page, which
/// read the count and the list again: the message carries no count, so a lost or reordered one cannot leave a wrong one.
/// </summary>
public sealed class InboxNotifier(IEventChannel<InboxChanged> events, TimeProvider time, ILogger<InboxNotifier> logger)
    : PageNotifier<InboxChanged, Guid, InboxChanged>(events, time, logger)
{
    protected override Guid KeyOf(InboxChanged message) => message.UserId;

    protected override InboxChanged ValueOf(InboxChanged message) => message;
}

public static class PageNotifierSetup
{
    public static IServiceCollection AddPageNotifiers(this IServiceCollection services)
    {
        services.AddSingleton<SeatsLeftNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<SeatsLeftNotifier>());
        services.AddSingleton<OrderStatusNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderStatusNotifier>());
        services.AddSingleton<InboxNotifier>();
        return services.AddHostedService(sp => sp.GetRequiredService<InboxNotifier>());
    }
}
