using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Takes a seat in a pool for the caller: what the pool's kind grants (<see cref="ISeatGrant"/>) for a free pool, a hold
/// for a paid one. A full pool is refused from memory; otherwise the caller's checks run here and the seat is decided by
/// <see cref="SeatDecisions"/>, in a batch with the crowd queued behind the club's lock.
/// </summary>
public sealed class SeatService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, SeatDecisions decisions, SoldOutGroups soldOut,
    SeatGrants grants, IOptions<SeatOptions> options, TimeProvider time)
{
    /// <summary>A free join group's seat: <c>201 {membershipId, role}</c>.</summary>
    public async Task<Admission> AdmitFreeAsync(long groupId, CancellationToken ct = default) =>
        Admission.Of(await TakeFreeSeatAsync(PoolKind.Join, groupId, ct));

    /// <summary>A free pool's seat, granted at once: PAYMENT_REQUIRED after the same checks when the pool has a price.</summary>
    public async Task<IGrantedSeat> TakeFreeSeatAsync(PoolKind kind, long poolId, CancellationToken ct = default)
    {
        var (userId, pool, grant) = await CheckTakeableAsync(kind, poolId, forHold: false, ct);
        if (pool.Amount > 0) throw AppException.Conflict(ErrorCodes.PaymentRequired);
        IGrantedSeat? granted = null;
        await decisions.TakeAsync(pool, grant,
            new SeatRequest(userId, async (db, token) => granted = await grant.GrantAsync(db, pool, userId, token), grant.DuplicateCode));
        return granted!;
    }

    public Task<HoldView> HoldAsync(long groupId, CancellationToken ct = default) => HoldAsync(PoolKind.Join, groupId, ct);

    /// <summary>
    /// Keeps a seat while the student pays; asking again while the hold is live returns the same hold, even when that
    /// hold took the last seat (the payment window may be reopened). An approved application's hold is that student's way
    /// in, whether or not the period or the crowd's seats are still open.
    /// </summary>
    public async Task<HoldView> HoldAsync(PoolKind kind, long poolId, CancellationToken ct = default)
    {
        // Unlike a free seat's FULL, a paid one's reads the caller's hold first: the paid path reads the database anyway.
        var live = await LiveHoldAsync(poolId, currentUser.RequireUserId(), ct);
        if (live is not null && (live.Reserved || soldOut.IsFull(poolId))) return live.View;
        if (soldOut.IsFull(poolId)) throw AppException.Conflict(ErrorCodes.Full);
        var (userId, pool, grant) = await CheckTakeableAsync(kind, poolId, forHold: true, ct);
        if (live is not null) return live.View;
        var hold = new SeatHold
        {
            PoolId = poolId, UserId = userId, State = HoldState.Held,
            ExpiresAt = SeatRules.HoldExpiresAt(time.GetUtcNow(), options.Value.HoldDuration),
        };
        await decisions.TakeAsync(pool, grant, new SeatRequest(userId, (db, _) =>
        {
            db.SeatHolds.Add(hold);
            return Task.CompletedTask;
        }, ErrorCodes.AlreadyHolding));
        return new HoldView(hold.Id, poolId, hold.ExpiresAt);
    }

    /// <summary>
    /// An officer approves <paramref name="userId"/>: under the same lock and database guard as the crowd, a membership in a
    /// free group, or in a paid one a hold until the payment deadline (<see cref="SeatOptions.ApprovalHoldDuration"/>).
    /// <paramref name="alongside"/> runs in the seat's transaction (the application's guarded move): when it throws, the seat
    /// goes back. FULL when no seat is left; the sold-out memory is neither read nor set, since an approved student's own
    /// seat must never make their payment look full.
    /// </summary>
    public async Task<ApprovedSeat> TakeApprovedSeatAsync(
        long groupId, Guid userId, Func<AppDbContext, ApprovedSeat, Task> alongside, CancellationToken ct = default)
    {
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var group = await read.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
            ?? throw AppException.NotFound(ErrorCodes.GroupNotFound);
        // No membership pre-check outside the seat's transaction: an officer racing another's approval of the same
        // application would read the winner's new membership and hear ALREADY_MEMBER instead of INVALID_TRANSITION.
        // Inside it, the application's guarded move fails first, and a student who is already a member is refused by
        // the membership's unique index (ALREADY_MEMBER below).
        var seat = group.Amount == 0
            ? new ApprovedSeat(group.NewMember(userId), null)
            : new ApprovedSeat(null, new SeatHold
            {
                PoolId = groupId, UserId = userId, State = HoldState.Held, Reserved = true,
                ExpiresAt = SeatRules.HoldExpiresAt(time.GetUtcNow(), options.Value.ApprovalHoldDuration),
            });
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await decisions.TakeApprovedAsync(db, group, async db =>
        {
            if (seat.Membership is { } membership) db.Memberships.Add(membership);
            if (seat.Hold is { } hold) db.SeatHolds.Add(hold);
            await alongside(db, seat);
        }, ErrorCodes.AlreadyMember, ct);
        return seat;
    }

    private sealed record LiveHold(HoldView View, bool Reserved);

    private async Task<LiveHold?> LiveHoldAsync(long poolId, Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = await db.SeatHolds.AsNoTracking()
            .SingleOrDefaultAsync(h => h.PoolId == poolId && h.UserId == userId && h.State == HoldState.Held, ct);
        return live is null ? null : new LiveHold(new HoldView(live.Id, poolId, live.ExpiresAt), live.Reserved);
    }

    /// <summary>
    /// Every check of taking a seat but the seats themselves (for a waitlist's place): the pool open to the caller now, a
    /// complete profile, and no seat of it yet.
    /// </summary>
    public async Task<SeatPool> CheckEligibleAsync(PoolKind kind, long poolId, CancellationToken ct = default) =>
        (await CheckEligibleAsync(kind, poolId, forHold: false, ct)).Pool;

    private Task<(Guid UserId, SeatPool Pool, ISeatGrant Grant)> CheckTakeableAsync(PoolKind kind, long poolId, bool forHold, CancellationToken ct)
    {
        currentUser.RequireUserId();
        if (soldOut.IsFull(poolId)) throw AppException.Conflict(ErrorCodes.Full);
        return CheckEligibleAsync(kind, poolId, forHold, ct);
    }

    private async Task<(Guid UserId, SeatPool Pool, ISeatGrant Grant)> CheckEligibleAsync(PoolKind kind, long poolId, bool forHold, CancellationToken ct)
    {
        var userId = currentUser.RequireUserId();
        var grant = grants.For(kind);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pool = await db.SeatPools.AsNoTracking().SingleOrDefaultAsync(p => p.Id == poolId && p.Kind == kind, ct)
            ?? throw AppException.NotFound(grant.NotFoundCode);
        await grant.RefuseUnlessEligibleAsync(db, pool, userId, forHold, time.GetUtcNow(), ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.Unauthorized();
        if (!user.HasCompleteProfile) throw AppException.Conflict(ErrorCodes.ProfileIncomplete);
        if (await grant.FindGrantedAsync(db, pool, userId, ct) is not null) throw AppException.Conflict(grant.DuplicateCode);
        return (userId, pool, grant);
    }
}
