using System.Collections.Concurrent;
using System.Collections.Immutable;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Hands order moves to the result pages watching that order. One subscription to <see cref="IOrderEvents"/> per
/// instance fans out here. The events are in-process, so a page hears the moves committed on its own instance; a
/// webhook landing on another instance reaches it only once the order events cross instances (not built yet).
/// </summary>
public sealed class OrderStatusNotifier : IDisposable
{
    private readonly ConcurrentDictionary<long, ImmutableList<Watcher>> watchers = new();
    private readonly IDisposable subscription;
    private readonly ILogger<OrderStatusNotifier> logger;

    public OrderStatusNotifier(IOrderEvents events, ILogger<OrderStatusNotifier> logger)
    {
        this.logger = logger;
        subscription = events.Subscribe(Deliver);
    }

    /// <summary>Calls <paramref name="onChanged"/> with the order's new status after each move, until disposed.</summary>
    public IDisposable Watch(long orderId, Func<OrderStatus, Task> onChanged)
    {
        var watcher = new Watcher(this, orderId, onChanged);
        watchers.AddOrUpdate(orderId, _ => [watcher], (_, list) => list.Add(watcher));
        return watcher;
    }

    /// <summary>How many pages watch the order: a closed page must not stay here.</summary>
    public int WatcherCount(long orderId) => watchers.TryGetValue(orderId, out var list) ? list.Count : 0;

    private void Unwatch(Watcher watcher)
    {
        var left = watchers.AddOrUpdate(watcher.OrderId, _ => [], (_, list) => list.Remove(watcher));
        if (left.IsEmpty) watchers.TryRemove(KeyValuePair.Create(watcher.OrderId, left));
    }

    private void Deliver(OrderChanged change)
    {
        if (!watchers.TryGetValue(change.OrderId, out var list)) return;
        // The ledger calls this on its own thread right after commit: the pages render on theirs.
        foreach (var watcher in list) _ = NotifyAsync(watcher, change);
    }

    private async Task NotifyAsync(Watcher watcher, OrderChanged change)
    {
        try
        {
            await watcher.OnChanged(change.Status);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "A page could not take the move of order {OrderId}", change.OrderId);
        }
    }

    public void Dispose() => subscription.Dispose();

    private sealed class Watcher(OrderStatusNotifier notifier, long orderId, Func<OrderStatus, Task> onChanged) : IDisposable
    {
        private int stopped;

        public long OrderId => orderId;
        public Func<OrderStatus, Task> OnChanged => onChanged;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0) notifier.Unwatch(this);
        }
    }
}

public static class OrderStatusNotifierSetup
{
    public static IServiceCollection AddOrderStatusNotifier(this IServiceCollection services) =>
        services.AddSingleton<OrderStatusNotifier>();
}
