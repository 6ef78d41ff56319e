using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

/// <summary>What a full event's crowd is answered from: the event and who holds one of its seats.</summary>
public sealed record SoldOutEvent(ClubEvent? Event, IReadOnlySet<Guid> Holders);

/// <summary>
/// This instance's memory of full events, so their crowd hears FULL without a read (as a full join group's does): the
/// event (a closed window is left to the sign-up to answer) and the students holding its seats (a waitlist offer or a payment started
/// before it filled, whose sign-up must still go through), read once by the first caller after the pool was marked full
/// and shared by everyone asking meanwhile. It is kept while no seat change of the event was heard of since it was read
/// (a waitlist offer is one: <see cref="SoldOutGroups.VersionOf"/>) and for at most
/// <see cref="SeatOptions.SoldOutMessageTrust"/>, which bounds how long an officer's edit of the window goes unseen here.
/// </summary>
public sealed class SoldOutEvents(IServiceScopeFactory scopes, SoldOutGroups soldOut, IOptions<SeatOptions> options, TimeProvider time)
{
    private sealed record Snapshot(SoldOutEvent Answer, long Version, DateTimeOffset ReadAt);

    private readonly ConcurrentDictionary<long, Task<Snapshot>> snapshots = new();

    public async Task<SoldOutEvent> GetAsync(long eventId, CancellationToken ct = default)
    {
        var snapshot = await SharedReadAsync(eventId, ct);
        if (snapshot.Version == soldOut.VersionOf(eventId) && time.GetUtcNow() - snapshot.ReadAt < options.Value.SoldOutMessageTrust)
            return snapshot.Answer;
        Forget(eventId, snapshot);
        // Read after this call began: as good as reading it here, whatever happens to the pool meanwhile.
        return (await SharedReadAsync(eventId, ct)).Answer;
    }

    /// <summary>The read in progress or kept for the event, or a new one; a failed read is not kept.</summary>
    private async Task<Snapshot> SharedReadAsync(long eventId, CancellationToken ct)
    {
        var shared = snapshots.GetOrAdd(eventId, ReadAsync);
        try
        {
            return await shared.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            snapshots.TryRemove(KeyValuePair.Create(eventId, shared));
            throw;
        }
    }

    /// <summary>Drops the stale snapshot only: a newer read another caller started stays.</summary>
    private void Forget(long eventId, Snapshot stale)
    {
        if (snapshots.TryGetValue(eventId, out var kept) && kept.IsCompletedSuccessfully && kept.Result == stale)
            snapshots.TryRemove(KeyValuePair.Create(eventId, kept));
    }

    private async Task<Snapshot> ReadAsync(long eventId)
    {
        // Shared by callers that may give up on their own: no one caller's token ends it.
        var (version, readAt) = (soldOut.VersionOf(eventId), time.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var clubEvent = await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId);
        var holders = await db.SeatHolds.Where(h => h.PoolId == eventId && h.State == HoldState.Held).Select(h => h.UserId).ToListAsync();
        return new Snapshot(new SoldOutEvent(clubEvent, holders.ToFrozenSet()), version, readAt);
    }
}
