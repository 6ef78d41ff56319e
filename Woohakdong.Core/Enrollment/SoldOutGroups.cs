using System.Collections.Concurrent;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// This instance's memory of full pools (join groups, events), so a flash crowd on a full pool is answered FULL without touching the
/// database or the lock. Only a guarded update that found the pool full marks it; any freed seat (here or on
/// another instance) clears it. A clear that lands while a caller is still deciding "full" wins: the caller
/// marks with the generation it saw before asking the database, and a newer clear undoes the mark.
/// Callers already queued for the lock when the pool fills are told at once (<see cref="WhenFull"/>), instead of
/// each taking the lock in turn only to read the mark.
/// </summary>
public sealed class SoldOutGroups
{
    private readonly ConcurrentDictionary<long, long> clearGenerations = new();
    private readonly ConcurrentDictionary<long, byte> full = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> fillSignals = new();

    public bool IsFull(long poolId) => full.ContainsKey(poolId);

    public long Observe(long poolId) => clearGenerations.GetValueOrDefault(poolId);

    /// <summary>Cancelled when the pool is next marked full; check <see cref="IsFull"/> after taking it.</summary>
    public CancellationToken WhenFull(long poolId) => fillSignals.GetOrAdd(poolId, _ => new CancellationTokenSource()).Token;

    public void MarkFull(long poolId, long observedGeneration)
    {
        full[poolId] = 0;
        if (Observe(poolId) != observedGeneration) full.TryRemove(poolId, out _);
        // Asynchronously: the waiters' answers must not run on this caller's thread, which holds the club's lock.
        else if (fillSignals.TryRemove(poolId, out var signal)) _ = signal.CancelAsync();
    }

    public void Clear(long poolId)
    {
        clearGenerations.AddOrUpdate(poolId, 1, (_, generation) => generation + 1);
        full.TryRemove(poolId, out _);
    }

    /// <summary>After an outage of the message carrier: some clears may have been missed.</summary>
    public void ClearAll()
    {
        foreach (var poolId in full.Keys) Clear(poolId);
    }
}
