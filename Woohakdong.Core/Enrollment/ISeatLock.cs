namespace Woohakdong.Core.Enrollment;

public enum SeatLockStatus
{
    Acquired,
    /// <summary>Someone else held the lock for the whole wait: a retryable BUSY.</summary>
    TimedOut,
}

/// <summary>Serializes the seat decisions of one club (resource <c>club:{clubId}:seats</c>) across instances.</summary>
public interface ISeatLock
{
    Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct);
}

/// <summary>The outcome of an acquisition; disposing it releases the lock when one was taken.</summary>
public sealed class SeatLockResult : IAsyncDisposable
{
    private readonly IAsyncDisposable? lease;

    private SeatLockResult(SeatLockStatus status, IAsyncDisposable? lease)
    {
        Status = status;
        this.lease = lease;
    }

    public SeatLockStatus Status { get; }

    public static SeatLockResult Acquired(IAsyncDisposable lease) => new(SeatLockStatus.Acquired, lease);

    public static SeatLockResult TimedOut { get; } = new(SeatLockStatus.TimedOut, null);

    public static string ResourceFor(long clubId) => $"club:{clubId}:seats";

    public ValueTask DisposeAsync() => lease?.DisposeAsync() ?? ValueTask.CompletedTask;
}
