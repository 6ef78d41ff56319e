using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Common.Messaging;

namespace Woohakdong.Core.Enrollment;

/// <summary>A club's seat lock was released on some instance; carried on the <c>seat-lock-released</c> channel.</summary>
public sealed record SeatLockReleased(string Resource);

/// <summary>
/// Tells an instance waiting for a club's Redis lock that its holder let go, so the waiter tries again at once instead
/// of at its next poll. Best effort like every message: a lost one costs the waiter one poll interval, no more.
/// </summary>
public sealed class SeatLockReleases(IEventChannel<SeatLockReleased> events, TimeProvider time, ILogger<SeatLockReleases> logger)
    : ChannelListener<SeatLockReleased>(events, time, logger)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> next = new();

    /// <summary>
    /// The next release of <paramref name="resource"/>. Taken before trying the lock, so a release that lands between a
    /// failed try and the wait is not missed.
    /// </summary>
    public Task NextReleaseAsync(string resource) =>
        next.GetOrAdd(resource, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task AnnounceAsync(string resource) => Events.PublishAsync(new SeatLockReleased(resource));

    protected override void Handle(SeatLockReleased message)
    {
        if (next.TryRemove(message.Resource, out var release)) release.TrySetResult();
    }
}
