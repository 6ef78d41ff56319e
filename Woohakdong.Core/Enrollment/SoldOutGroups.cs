using System.Collections.Concurrent;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// This instance's memory of full pools (join groups, events), so a flash crowd on a full pool is answered FULL without touching the
/// database or the lock. A guarded update that found the pool full, or this instance reading no seat left after taking
/// one, marks it for good; another instance's "sold out" message marks it for <see cref="SeatOptions.SoldOutMessageTrust"/>
/// only (messages from two instances may arrive out of order, so a stale one must heal by itself: after it, the next
/// caller asks the database, and a failed update marks it for good). Any freed seat (here or on another instance) clears
/// the mark. A clear that lands while a caller is still deciding "full" wins: the caller marks with the generation it saw
/// before asking the database, and a newer clear undoes the mark.
/// Callers already queued for the lock when the pool fills are told at once (<see cref="WhenFull"/>), instead of
/// each taking the lock in turn only to read the mark.
/// </summary>
public sealed class SoldOutGroups(TimeProvider time)
{
    private const long ForGood = long.MaxValue;
    private readonly ConcurrentDictionary<long, long> clearGenerations = new();
    // Pool id → until when (UTC ticks) the mark holds.
    private readonly ConcurrentDictionary<long, long> full = new();
    private readonly ConcurrentDictionary<long, CancellationTokenSource> fillSignals = new();
    private readonly ConcurrentDictionary<long, long> versions = new();

    public bool IsFull(long poolId) => full.TryGetValue(poolId, out var until) && (until == ForGood || time.GetUtcNow().UtcTicks < until);

    public long Observe(long poolId) => clearGenerations.GetValueOrDefault(poolId);

    /// <summary>
    /// Counts every mark and clear of the pool here (this instance's seat changes and the others' messages): what a memory
    /// of a full pool read from the database must not outlive, since a seat given to the line keeps the pool full.
    /// </summary>
    public long VersionOf(long poolId) => versions.GetValueOrDefault(poolId);

    /// <summary>Cancelled when the pool is next marked full; check <see cref="IsFull"/> after taking it.</summary>
    public CancellationToken WhenFull(long poolId) => fillSignals.GetOrAdd(poolId, _ => new CancellationTokenSource()).Token;

    /// <summary>Marks the pool full for good, unless a seat was freed since <paramref name="observedGeneration"/>.</summary>
    public void MarkFull(long poolId, long observedGeneration) => Mark(poolId, observedGeneration, ForGood);

    /// <summary>Marks the pool full for <paramref name="trust"/>, on another instance's word.</summary>
    public void MarkFullFor(long poolId, TimeSpan trust) =>
        Mark(poolId, Observe(poolId), (time.GetUtcNow() + trust).UtcTicks);

    public void Clear(long poolId)
    {
        Touch(poolId);
        clearGenerations.AddOrUpdate(poolId, 1, (_, generation) => generation + 1);
        full.TryRemove(poolId, out _);
    }

    /// <summary>After an outage of the message carrier: some clears may have been missed.</summary>
    public void ClearAll()
    {
        foreach (var poolId in full.Keys) Clear(poolId);
    }

    private void Mark(long poolId, long observedGeneration, long until)
    {
        Touch(poolId);
        // A mark for good is never shortened by a message's.
        full.AddOrUpdate(poolId, until, (_, current) => Math.Max(current, until));
        if (Observe(poolId) != observedGeneration) full.TryRemove(poolId, out _);
        // Asynchronously: the waiters' answers must not run on this caller's thread, which holds the club's lock.
        else if (fillSignals.TryRemove(poolId, out var signal)) _ = signal.CancelAsync();
    }

    private void Touch(long poolId) => versions.AddOrUpdate(poolId, 1, (_, version) => version + 1);
}
