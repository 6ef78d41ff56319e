using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Takes a seat for the caller: a membership for a free group, a hold for a paid one. A full group is refused
/// from memory; otherwise the club's lock orders the crowd and the guarded counter update decides each seat.
/// </summary>
public sealed class SeatService(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ISeatLock seatLock, SoldOutGroups soldOut,
    SeatChanges changes, IOptions<SeatOptions> options, TimeProvider time)
{
    public async Task<Admission> AdmitFreeAsync(long groupId, CancellationToken ct = default)
    {
        var (userId, group) = await CheckJoinableAsync(groupId, ct);
        if (group.Amount > 0) throw AppException.Conflict(ErrorCodes.PaymentRequired);
        var membership = group.NewMember(userId);
        await TakeSeatAsync(group, db => db.Memberships.Add(membership), ErrorCodes.AlreadyMember, ct);
        return new Admission(membership.Id, membership.Role);
    }

    /// <summary>Keeps a seat while the student pays; asking again while the hold is live returns the same hold.</summary>
    public async Task<HoldView> HoldAsync(long groupId, CancellationToken ct = default)
    {
        var (userId, group) = await CheckJoinableAsync(groupId, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var live = await db.SeatHolds.AsNoTracking()
                .SingleOrDefaultAsync(h => h.GroupId == groupId && h.UserId == userId && h.State == HoldState.Held, ct);
            if (live is not null) return new HoldView(live.Id, groupId, live.ExpiresAt);
        }
        var hold = new SeatHold
        {
            GroupId = groupId, UserId = userId, State = HoldState.Held,
            ExpiresAt = SeatRules.HoldExpiresAt(time.GetUtcNow(), options.Value.HoldDuration),
        };
        await TakeSeatAsync(group, db => db.SeatHolds.Add(hold), ErrorCodes.AlreadyHolding, ct);
        return new HoldView(hold.Id, groupId, hold.ExpiresAt);
    }

    private async Task<(Guid UserId, JoinGroup Group)> CheckJoinableAsync(long groupId, CancellationToken ct)
    {
        var userId = currentUser.RequireUserId();
        if (soldOut.IsFull(groupId)) throw AppException.Conflict(ErrorCodes.Full);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
            ?? throw AppException.NotFound(ErrorCodes.GroupNotFound);
        if (!group.Recruiting || group.TermKey != Term.Current(time).Key) throw AppException.Conflict(ErrorCodes.NotRecruiting);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.Unauthorized();
        if (!user.HasCompleteProfile) throw AppException.Conflict(ErrorCodes.ProfileIncomplete);
        if (await db.Memberships.AnyAsync(m => m.ClubId == group.ClubId && m.TermKey == group.TermKey && m.UserId == userId, ct))
            throw AppException.Conflict(ErrorCodes.AlreadyMember);
        return (userId, group);
    }

    private async Task TakeSeatAsync(JoinGroup group, Action<AppDbContext> record, string duplicateCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A failed insert abandons the whole transaction below, so SaveChanges' own savepoint would only add two round
        // trips to the time the club's lock is held.
        db.Database.AutoSavepointsEnabled = false;
        await using (await AcquireLockAsync(group, ct))
        {
            if (soldOut.IsFull(group.Id)) throw AppException.Conflict(ErrorCodes.Full);
            var generation = soldOut.Observe(group.Id);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await SeatCounter.TryTakeAsync(db, group.Id, ct)) throw await RefusalAsync(db, group.Id, generation, ct);
            record(db);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation())
            {
                // The unique index caught the same student arriving twice at once; the seat goes back with the rollback.
                throw AppException.Conflict(duplicateCode);
            }
            await transaction.CommitAsync(ct);
        }
        await changes.AnnounceAsync(db, group.Id, ct);
    }

    private async Task<AppException> RefusalAsync(AppDbContext db, long groupId, long generation, CancellationToken ct)
    {
        if (!await db.JoinGroups.Where(g => g.Id == groupId).Select(g => g.Recruiting).SingleAsync(ct))
            return AppException.Conflict(ErrorCodes.NotRecruiting);
        soldOut.MarkFull(groupId, generation);
        return AppException.Conflict(ErrorCodes.Full);
    }

    /// <summary>The club's lock, or FULL as soon as the group fills while this caller waits for it.</summary>
    private async Task<SeatLockResult> AcquireLockAsync(JoinGroup group, CancellationToken ct)
    {
        using var untilFull = CancellationTokenSource.CreateLinkedTokenSource(ct, soldOut.WhenFull(group.Id));
        if (soldOut.IsFull(group.Id)) throw AppException.Conflict(ErrorCodes.Full);
        SeatLockResult result;
        try
        {
            result = await seatLock.AcquireAsync(SeatLockResult.ResourceFor(group.ClubId), untilFull.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw AppException.Conflict(ErrorCodes.Full);
        }
        if (result.Status == SeatLockStatus.TimedOut) throw AppException.Conflict(ErrorCodes.Busy);
        return result;
    }
}
