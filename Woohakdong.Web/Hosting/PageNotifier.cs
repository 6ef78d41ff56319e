using System.Collections.Concurrent;
using System.Collections.Immutable;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// Hands the messages of one channel to the open pages watching their key. One subscription per instance (a Redis
/// channel when configured, so a change committed on any instance arrives) fans out here: a thousand open pages cost
/// one subscriber, and a page that closes only leaves its key's list. Nothing polls.
/// </summary>
public abstract class PageNotifier<TMessage, TKey, TValue>(IEventChannel<TMessage> events, TimeProvider time, ILogger logger)
    : ChannelListener<TMessage>(events, time, logger)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, ImmutableList<Watcher>> watchers = new();

    protected abstract TKey KeyOf(TMessage message);

    protected abstract TValue ValueOf(TMessage message);

    /// <summary>Calls <paramref name="onChanged"/> with each new value for <paramref name="key"/>, until disposed.</summary>
    public IDisposable Watch(TKey key, Func<TValue, Task> onChanged)
    {
        var watcher = new Watcher(this, key, onChanged);
        watchers.AddOrUpdate(key, _ => [watcher], (_, list) => list.Add(watcher));
        return watcher;
    }

    /// <summary>How many pages watch the key: a closed page must not stay here.</summary>
    public int WatcherCount(TKey key) => watchers.TryGetValue(key, out var list) ? list.Count : 0;

    private void Unwatch(Watcher watcher)
    {
        var left = watchers.AddOrUpdate(watcher.Key, _ => [], (_, list) => list.Remove(watcher));
        // Drop the empty entry unless a page started watching in between.
        if (left.IsEmpty) watchers.TryRemove(KeyValuePair.Create(watcher.Key, left));
    }

    protected override void Handle(TMessage message)
    {
        if (!watchers.TryGetValue(KeyOf(message), out var list)) return;
        var value = ValueOf(message);
        // Called on the publisher's or Redis's thread: each page renders on its own.
        foreach (var watcher in list) _ = NotifyAsync(watcher, value);
    }

    private async Task NotifyAsync(Watcher watcher, TValue value)
    {
        try
        {
            await watcher.NotifyAsync(value);
        }
        catch (Exception error)
        {
            // One page failing (its circuit just closed) must not keep the others from hearing the change.
            Logger.LogDebug(error, "A page could not take a {Message} for {Key}", typeof(TMessage).Name, watcher.Key);
        }
    }

    private sealed class Watcher(PageNotifier<TMessage, TKey, TValue> notifier, TKey key, Func<TValue, Task> onChanged) : IDisposable
    {
        private int stopped;

        // The page's own context (its culture above all): the message arrives in the publisher's, which may be another
        // user's request in another language, or Redis's thread in none.
        private readonly ExecutionContext? page = ExecutionContext.Capture();

        public TKey Key => key;

        public Task NotifyAsync(TValue value)
        {
            if (page is null) return onChanged(value);
            var notified = Task.CompletedTask;
            ExecutionContext.Run(page, _ => notified = onChanged(value), null);
            return notified;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0) notifier.Unwatch(this);
        }
    }
}
