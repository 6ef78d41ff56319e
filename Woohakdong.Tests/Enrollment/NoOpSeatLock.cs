using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment;

/// <summary>A lock that never serializes anything: proves the database alone keeps the limit.</summary>
public sealed class NoOpSeatLock : ISeatLock
{
    public Task<SeatLockResult> AcquireAsync(string resource, CancellationToken ct) =>
        Task.FromResult(SeatLockResult.Acquired(new Nothing()));

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
