using System.Collections.Concurrent;
using System.Collections.Immutable;
using StackExchange.Redis;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Hands seat changes to the open pages watching that group. One subscription to <see cref="ISeatEvents"/> per
/// instance (a Redis channel when configured) fans out here, so a thousand open club pages cost one subscriber,
/// and a page that closes only leaves its group's list.
/// </summary>
public sealed class SeatsLeftNotifier(ISeatEvents events, TimeProvider time, ILogger<SeatsLeftNotifier> logger) : BackgroundService
{
    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<long, ImmutableList<Watcher>> watchers = new();

    /// <summary>Calls <paramref name="onSeatsLeft"/> with the group's seats left after each change, until disposed.</summary>
    public IDisposable Watch(long groupId, Func<int, Task> onSeatsLeft)
    {
        var watcher = new Watcher(this, groupId, onSeatsLeft);
        watchers.AddOrUpdate(groupId, _ => [watcher], (_, list) => list.Add(watcher));
        return watcher;
    }

    /// <summary>How many pages watch the group: a closed page must not stay here.</summary>
    public int WatcherCount(long groupId) => watchers.TryGetValue(groupId, out var list) ? list.Count : 0;

    private void Unwatch(Watcher watcher)
    {
        var left = watchers.AddOrUpdate(watcher.GroupId, _ => [], (_, list) => list.Remove(watcher));
        // Drop the empty entry unless a page started watching in between.
        if (left.IsEmpty) watchers.TryRemove(KeyValuePair.Create(watcher.GroupId, left));
    }

    private void Deliver(SeatsChanged change)
    {
        if (!watchers.TryGetValue(change.GroupId, out var list)) return;
        foreach (var watcher in list) _ = NotifyAsync(watcher, change);
    }

    private async Task NotifyAsync(Watcher watcher, SeatsChanged change)
    {
        try
        {
            await watcher.OnSeatsLeft(change.SeatsLeft);
        }
        catch (Exception error)
        {
            // One page failing (its circuit just closed) must not keep the others from hearing the change.
            logger.LogDebug(error, "A page could not take the seat change of group {GroupId}", change.GroupId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscription = await SubscribeAsync(stoppingToken);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken);
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private async Task<IDisposable> SubscribeAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return events.Subscribe(Deliver);
            }
            catch (RedisException error)
            {
                logger.LogWarning(error, "Pages cannot hear seat changes yet; subscribing again in {Delay}", SubscribeRetry);
                await Task.Delay(SubscribeRetry, time, stoppingToken);
            }
        }
    }

    private sealed class Watcher(SeatsLeftNotifier notifier, long groupId, Func<int, Task> onSeatsLeft) : IDisposable
    {
        private int stopped;

        public long GroupId => groupId;
        public Func<int, Task> OnSeatsLeft => onSeatsLeft;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0) notifier.Unwatch(this);
        }
    }
}

public static class SeatsLeftNotifierSetup
{
    public static IServiceCollection AddSeatsLeftNotifier(this IServiceCollection services)
    {
        services.AddSingleton<SeatsLeftNotifier>();
        return services.AddHostedService(sp => sp.GetRequiredService<SeatsLeftNotifier>());
    }
}
