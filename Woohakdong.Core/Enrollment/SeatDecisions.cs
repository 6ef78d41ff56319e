using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>One caller's wish for a seat: what its seat records (in the batch's transaction) and its refusal when it already has one.</summary>
internal sealed class SeatRequest(Guid userId, Func<AppDbContext, CancellationToken, Task> record, string duplicateCode)
{
    public Guid UserId { get; } = userId;
    public Func<AppDbContext, CancellationToken, Task> Record { get; } = record;
    public string DuplicateCode { get; } = duplicateCode;
    public TaskCompletionSource Decided { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Admits the crowd of one pool in batches. Callers queue per pool on this instance (a <see cref="DrainQueue{T}"/>); its
/// drain takes the club's lock and, holding it, decides everyone queued by then, up to
/// <see cref="SeatOptions.MaxBatch"/>, in one transaction: one guarded counter update for all the seats it can take,
/// one save of what they grant, one commit. Order is first come, first served within the instance (the queue) and
/// batch by batch across instances (the lock). The lock is held for a batch, not a seat; the database guard keeps the
/// limit whatever the lock does.
/// </summary>
public sealed class SeatDecisions(
    IServiceScopeFactory scopes, ISeatLock seatLock, SoldOutGroups soldOut, SeatChanges changes,
    IOptions<SeatOptions> options, TimeProvider time, ILogger<SeatDecisions> logger)
{
    private readonly ConcurrentDictionary<long, PoolQueue> queues = new();

    private sealed class PoolQueue
    {
        public PoolQueue(long poolId, long clubId, ISeatGrant grant, Func<PoolQueue, Task> runBatch)
        {
            (PoolId, ClubId, Grant) = (poolId, clubId, grant);
            Waiting = new DrainQueue<SeatRequest>(_ => runBatch(this));
        }

        public long PoolId { get; }
        public long ClubId { get; }
        public ISeatGrant Grant { get; }
        public DrainQueue<SeatRequest> Waiting { get; }
    }

    /// <summary>How many requests for <paramref name="poolId"/> wait in this instance's queue (not yet in a batch).</summary>
    internal int Waiting(long poolId) => queues.TryGetValue(poolId, out var queue) ? queue.Waiting.Count : 0;

    /// <summary>Queues the request and returns once it is decided: admitted, or refused with its <see cref="AppException"/>.</summary>
    internal async Task TakeAsync(SeatPool pool, ISeatGrant grant, SeatRequest request)
    {
        var queue = queues.GetOrAdd(pool.Id, _ => new PoolQueue(pool.Id, pool.ClubId, grant, RunBatchAsync));
        queue.Waiting.Enqueue(request);
        // Once queued, a request is decided whether or not its caller still waits: a seat is never half taken.
        await request.Decided.Task;
    }

    /// <summary>
    /// One officer's approval, decided alone under the same lock and guard: <paramref name="record"/> (the membership or
    /// hold and the application's guarded move) may refuse, and that must roll back this seat only. FULL when no seat is
    /// left; the crowd's sold-out memory is neither read nor waited on.
    /// </summary>
    internal async Task TakeApprovedAsync(AppDbContext db, SeatPool pool, Func<AppDbContext, Task> record, string duplicateCode, CancellationToken ct)
    {
        db.Database.AutoSavepointsEnabled = false;
        await using (await AcquireLockAsync(pool.Id, pool.ClubId, untilFull: false, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await SeatCounter.TryTakeApprovedAsync(db, pool.Id, ct)) throw AppException.Conflict(ErrorCodes.Full);
            await record(db);
            await SaveOrRefuseDuplicateAsync(db, duplicateCode, ct);
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(db, pool.Id, ct);
    }

    private async Task RunBatchAsync(PoolQueue queue)
    {
        var started = time.GetTimestamp();
        SeatLockResult held;
        try
        {
            held = await AcquireLockAsync(queue.PoolId, queue.ClubId, untilFull: true, CancellationToken.None);
        }
        catch (Exception refusal)
        {
            // FULL while waiting, BUSY after the whole wait, or the lock's own failure: the same answer for everyone who
            // waited with it.
            foreach (var request in queue.Waiting.Take(int.MaxValue)) request.Decided.TrySetException(refusal);
            return;
        }
        // A failed batch may still have seated some of it (one by one after a duplicate): announce then too.
        var seatsChanged = true;
        await using (held)
        {
            // Taken once the lock is held, so everyone who queued behind it meanwhile comes in this batch.
            var batch = queue.Waiting.Take(options.Value.MaxBatch);
            var locked = time.GetTimestamp();
            try
            {
                var seats = await DecideAsync(queue, batch);
                seatsChanged = seats > 0;
                // For the benchmarks' reading of a crowd: how batches form and what a hold of the lock costs.
                if (logger.IsEnabled(LogLevel.Debug))
                    logger.LogDebug("Pool {PoolId}: {Requests} requests, {Seats} seats, {LockWaitMs:F1} ms for the lock, {DecideMs:F1} ms deciding",
                        queue.PoolId, batch.Count, seats, time.GetElapsedTime(started, locked).TotalMilliseconds,
                        time.GetElapsedTime(locked).TotalMilliseconds);
            }
            catch (Exception error)
            {
                foreach (var request in batch) request.Decided.TrySetException(error);
            }
        }
        if (seatsChanged) await AnnounceAsync(queue);
    }

    private async Task AnnounceAsync(PoolQueue queue)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            await changes.AnnounceAsync(db, queue.PoolId, CancellationToken.None);
        }
        catch (Exception error)
        {
            // The seats are taken and answered, and this runs on no caller's task: a lost announcement only leaves the
            // other instances to learn of it from their own failed update.
            logger.LogWarning(error, "Could not announce the seats of pool {PoolId}", queue.PoolId);
        }
    }

    /// <summary>Decides the batch in one transaction; returns how many seats it took.</summary>
    private async Task<int> DecideAsync(PoolQueue queue, List<SeatRequest> batch)
    {
        // A student arriving twice in one batch is one request; the other hears the duplicate refusal.
        var seen = new HashSet<Guid>();
        var wanting = new List<SeatRequest>(batch.Count);
        foreach (var request in batch)
            if (seen.Add(request.UserId)) wanting.Add(request);
            else request.Decided.TrySetException(AppException.Conflict(request.DuplicateCode));
        if (soldOut.IsFull(queue.PoolId))
        {
            Refuse(wanting, AppException.Conflict(ErrorCodes.Full));
            return 0;
        }
        var generation = soldOut.Observe(queue.PoolId);
        // A scope of no user: each seat's rows are stamped as its own student's (AttributeAddedTo).
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // A failed insert abandons the whole transaction below, so SaveChanges' own savepoint would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var seats = await SeatCounter.TakeUpToAsync(db, queue.Grant, queue.PoolId, wanting.Count, time.GetUtcNow(), CancellationToken.None);
        if (seats is null)
        {
            Refuse(wanting, AppException.Conflict(queue.Grant.NotOpenCode));
            return 0;
        }
        if (seats == 0)
        {
            soldOut.MarkFull(queue.PoolId, generation);
            Refuse(wanting, AppException.Conflict(ErrorCodes.Full));
            return 0;
        }
        var admitted = wanting[..seats.Value];
        Refuse(wanting[seats.Value..], AppException.Conflict(ErrorCodes.Full));
        foreach (var request in admitted)
        {
            await request.Record(db, CancellationToken.None);
            db.AttributeAddedTo(request.UserId);
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // One of them got the same grant a moment ago (on another instance, or by another route): with the rollback
            // no seat is taken, and each is decided on its own so that only the duplicate is refused.
            await transaction.RollbackAsync();
            if (admitted.Count == 1)
            {
                admitted[0].Decided.TrySetException(AppException.Conflict(admitted[0].DuplicateCode));
                return 0;
            }
            var taken = 0;
            foreach (var request in admitted) taken += await DecideAsync(queue, [request]);
            return taken;
        }
        await transaction.CommitAsync();
        // Fewer seats than callers: the pool is full now, so those queued behind this batch hear it without the lock.
        if (admitted.Count < wanting.Count) soldOut.MarkFull(queue.PoolId, generation);
        foreach (var request in admitted) request.Decided.TrySetResult();
        return admitted.Count;
    }

    private static void Refuse(IEnumerable<SeatRequest> requests, AppException refusal)
    {
        foreach (var request in requests) request.Decided.TrySetException(refusal);
    }

    /// <summary>
    /// The club's lock; for the crowd (<paramref name="untilFull"/>), FULL as soon as the pool fills while waiting for it.
    /// BUSY when someone else held it for the whole of <see cref="SeatOptions.LockWait"/>.
    /// </summary>
    private async Task<SeatLockResult> AcquireLockAsync(long poolId, long clubId, bool untilFull, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, untilFull ? soldOut.WhenFull(poolId) : CancellationToken.None);
        if (untilFull && soldOut.IsFull(poolId)) throw AppException.Conflict(ErrorCodes.Full);
        SeatLockResult result;
        try
        {
            result = await seatLock.AcquireAsync(SeatLockResult.ResourceFor(clubId), wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw AppException.Conflict(ErrorCodes.Full);
        }
        if (result.Status == SeatLockStatus.TimedOut) throw AppException.Conflict(ErrorCodes.Busy);
        return result;
    }

    /// <summary>Saves what a seat records; the same student arriving twice at once is caught by the grant's unique index.</summary>
    private static async Task SaveOrRefuseDuplicateAsync(AppDbContext db, string duplicateCode, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            throw AppException.Conflict(duplicateCode);
        }
    }
}
