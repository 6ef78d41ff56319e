using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Ends seat holds: converted into what the pool's seat grants (the seat stays taken), released, or expired by the sweep
/// that every instance runs. The conditional move out of Held decides which of them ends a hold, so its seat is
/// given back exactly once.
/// </summary>
public sealed class HoldService(
    IDbContextFactory<AppDbContext> dbFactory, SeatChanges changes, SeatGrants grants, IEnumerable<IHoldEndObserver> observers,
    TimeProvider time)
{
    private const int SweepBatch = 500;
    private const int ConvertAttempts = 3;

    public Task<bool> ReleaseHoldAsync(long holdId, CancellationToken ct = default) => EndHoldAsync(holdId, HoldState.Released, ct);

    /// <summary>
    /// Gives back the seat of a payment that failed, was abandoned or refunded; a reserved hold (an approval, a waitlist's
    /// offer) stays the student's until its own deadline (they may pay again), so it is left alone.
    /// </summary>
    public async Task<bool> ReleaseUnlessApprovedAsync(long holdId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            if (await db.SeatHolds.AnyAsync(h => h.Id == holdId && h.Reserved, ct)) return false;
        return await ReleaseHoldAsync(holdId, ct);
    }

    /// <summary>Expires overdue holds and returns how many this call expired (others may have been faster).</summary>
    public async Task<int> ExpireHoldsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.SeatHolds.Where(h => h.State == HoldState.Held && h.ExpiresAt <= now)
                .OrderBy(h => h.ExpiresAt).Select(h => h.Id).Take(SweepBatch).ToListAsync(ct);
        var expired = 0;
        foreach (var holdId in due)
            if (await EndHoldAsync(holdId, HoldState.Expired, ct)) expired++;
        return expired;
    }

    /// <summary>
    /// Idempotent: a repeat returns the seat's grant made the first time. A hold that already expired or was
    /// released gave its seat back, so converting it takes a seat again, or answers FULL.
    /// </summary>
    public async Task<IGrantedSeat> ConvertHoldAsync(long holdId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryConvertAsync(holdId, ct) is { } granted) return granted;
            if (attempt == ConvertAttempts) throw AppException.Conflict(ErrorCodes.Concurrency);
        }
    }

    /// <summary>
    /// The common case of <see cref="ConvertHoldAsync"/> as part of the caller's transaction: a hold still Held in a pool
    /// that still honours it (<see cref="ISeatGrant.Honours"/>) gets its grant, added to <paramref name="db"/> for the
    /// caller's save (where the grant's unique index refuses a second one). False, having changed nothing, for any other
    /// case: the caller rolls back and takes the careful way.
    /// </summary>
    public async Task<bool> TryConvertHeldAsync(AppDbContext db, long holdId, CancellationToken ct = default)
    {
        var held = await db.SeatHolds.AsNoTracking()
            .Where(h => h.Id == holdId && h.State == HoldState.Held)
            .Join(db.SeatPools, h => h.PoolId, p => p.Id, (h, p) => new { h.UserId, h.Reserved, Pool = p })
            .SingleOrDefaultAsync(ct);
        if (held is null) return false;
        var grant = grants.For(held.Pool);
        if (!(held.Reserved || grant.Honours(held.Pool))
            || !await SeatCounter.TryMoveHoldAsync(db, holdId, HoldState.Held, HoldState.Converted, time.GetUtcNow(), ct))
            return false;
        await grant.GrantAsync(db, held.Pool, held.UserId, ct);
        await TellAsync(db, holdId, HoldState.Converted, ct);
        return true;
    }

    /// <summary>Null when another caller moved the hold or made the grant first: look again.</summary>
    private async Task<IGrantedSeat?> TryConvertAsync(long holdId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hold = await db.SeatHolds.AsNoTracking().SingleOrDefaultAsync(h => h.Id == holdId, ct)
            ?? throw AppException.NotFound(ErrorCodes.HoldNotFound);
        var pool = await db.SeatPools.AsNoTracking().SingleAsync(p => p.Id == hold.PoolId, ct);
        var grant = grants.For(pool);
        if (await grant.FindGrantedAsync(db, pool, hold.UserId, ct) is { } existing)
        {
            // Converted before, or the student got in another way meanwhile: one person never needs two seats.
            await EndHoldAsync(holdId, HoldState.Released, ct);
            return existing;
        }
        if (hold.State == HoldState.Converted) throw AppException.Conflict(ErrorCodes.HoldEnded);
        // An approval's seat that lapsed went back with its application (EXPIRED): a late payment is refunded, never re-seated.
        if (hold.Reserved && hold.State != HoldState.Held) throw AppException.Conflict(ErrorCodes.HoldEnded);

        var seatRetaken = hold.State != HoldState.Held;
        IGrantedSeat granted;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await SeatCounter.TryMoveHoldAsync(db, holdId, hold.State, HoldState.Converted, time.GetUtcNow(), ct)) return null;
            if (seatRetaken && await SeatCounter.TakeUpToAsync(db, grant, pool.Id, 1, time.GetUtcNow(), ct) != 1) throw AppException.Conflict(ErrorCodes.Full);
            granted = await grant.GrantAsync(db, pool, hold.UserId, ct);
            await TellAsync(db, holdId, HoldState.Converted, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation())
            {
                return null;
            }
            await transaction.CommitAsync(ct);
        }
        if (seatRetaken) await changes.AnnounceAsync(db, pool.Id, ct);
        return granted;
    }

    private async Task<bool> EndHoldAsync(long holdId, HoldState end, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var poolId = await db.SeatHolds.Where(h => h.Id == holdId).Select(h => (long?)h.PoolId).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.HoldNotFound);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await SeatCounter.TryMoveHoldAsync(db, holdId, HoldState.Held, end, time.GetUtcNow(), ct)) return false;
            await SeatCounter.FreeAsync(db, poolId, ct);
            await TellAsync(db, holdId, end, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(db, poolId, ct);
        return true;
    }

    private async Task TellAsync(AppDbContext db, long holdId, HoldState end, CancellationToken ct)
    {
        foreach (var observer in observers) await observer.OnHoldsEndedAsync(db, [holdId], end, ct);
    }
}
