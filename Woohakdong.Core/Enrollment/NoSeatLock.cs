namespace Woohakdong.Core.Enrollment;

/// <summary>
/// <c>Seats:Lock = None</c>: serializes nothing, so every seat is decided by the database guard alone. It exists to
/// prove that guard on running instances; start-up refuses it in Production.
/// </summary>
public sealed class NoSeatLock : ISeatLock
{
    public Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct) =>
        Task.FromResult(SeatLockResult.Acquired(NoLease.Instance));

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
