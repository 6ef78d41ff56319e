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
        var (userId, group) = await CheckJoinableAsync(groupId, forHold: false, ct);
        if (group.Amount > 0) throw AppException.Conflict(ErrorCodes.PaymentRequired);
        var membership = group.NewMember(userId);
        await TakeSeatAsync(group, Record(db => db.Memberships.Add(membership)), ErrorCodes.AlreadyMember, byApproval: false, ct);
        return new Admission(membership.Id, membership.Role);
    }

    /// <summary>Keeps a seat while the student pays; asking again while the hold is live returns the same hold.</summary>
    /// <summary>
    /// Keeps a seat while the student pays; asking again while the hold is live returns the same hold. An approved
    /// application's hold is that student's way in, whether or not the period or the crowd's seats are still open.
    /// </summary>
    public async Task<HoldView> HoldAsync(long groupId, CancellationToken ct = default)
    {
        // The crowd's sold-out memory first: an application group is never marked, its seats go by approval only.
        if (soldOut.IsFull(groupId)) throw AppException.Conflict(ErrorCodes.Full);
        var live = await LiveHoldAsync(groupId, currentUser.RequireUserId(), ct);
        if (live is { ByApproval: true }) return live.View;
        var (userId, group) = await CheckJoinableAsync(groupId, forHold: true, ct);
        if (live is not null) return live.View;
        var hold = new SeatHold
        {
            GroupId = groupId, UserId = userId, State = HoldState.Held,
            ExpiresAt = SeatRules.HoldExpiresAt(time.GetUtcNow(), options.Value.HoldDuration),
        };
        await TakeSeatAsync(group, Record(db => db.SeatHolds.Add(hold)), ErrorCodes.AlreadyHolding, byApproval: false, ct);
        return new HoldView(hold.Id, groupId, hold.ExpiresAt);
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
                GroupId = groupId, UserId = userId, State = HoldState.Held, ByApproval = true,
                ExpiresAt = SeatRules.HoldExpiresAt(time.GetUtcNow(), options.Value.ApprovalHoldDuration),
            });
        await TakeSeatAsync(group, async db =>
        {
            if (seat.Membership is { } membership) db.Memberships.Add(membership);
            if (seat.Hold is { } hold) db.SeatHolds.Add(hold);
            await alongside(db, seat);
        }, ErrorCodes.AlreadyMember, byApproval: true, ct);
        return seat;
    }

    private sealed record LiveHold(HoldView View, bool ByApproval);

    private async Task<LiveHold?> LiveHoldAsync(long groupId, Guid userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var live = await db.SeatHolds.AsNoTracking()
            .SingleOrDefaultAsync(h => h.GroupId == groupId && h.UserId == userId && h.State == HoldState.Held, ct);
        return live is null ? null : new LiveHold(new HoldView(live.Id, groupId, live.ExpiresAt), live.ByApproval);
    }

    private static Func<AppDbContext, Task> Record(Action<AppDbContext> record) => db =>
    {
        record(db);
        return Task.CompletedTask;
    };

    private async Task<(Guid UserId, JoinGroup Group)> CheckJoinableAsync(long groupId, bool forHold, CancellationToken ct)
    {
        var userId = currentUser.RequireUserId();
        if (soldOut.IsFull(groupId)) throw AppException.Conflict(ErrorCodes.Full);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
            ?? throw AppException.NotFound(ErrorCodes.GroupNotFound);
        // A paid application group sends the free path on to the paid one, whose hold is the approval's.
        if (group.Policy == JoinPolicy.Application)
            throw AppException.Conflict(group.Amount > 0 && !forHold ? ErrorCodes.PaymentRequired : ErrorCodes.ApplicationRequired);
        if (!Recruitment.IsOpen(group, time.GetUtcNow()) || group.TermKey != Term.Current(time).Key) throw AppException.Conflict(ErrorCodes.NotRecruiting);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.Unauthorized();
        if (!user.HasCompleteProfile) throw AppException.Conflict(ErrorCodes.ProfileIncomplete);
        if (await db.Memberships.AnyAsync(m => m.ClubId == group.ClubId && m.TermKey == group.TermKey && m.UserId == userId, ct))
            throw AppException.Conflict(ErrorCodes.AlreadyMember);
        return (userId, group);
    }

    private async Task TakeSeatAsync(
        JoinGroup group, Func<AppDbContext, Task> record, string duplicateCode, bool byApproval, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A failed insert abandons the whole transaction below, so SaveChanges' own savepoint would only add two round
        // trips to the time the club's lock is held.
        db.Database.AutoSavepointsEnabled = false;
        await using (await AcquireLockAsync(group, byApproval, ct))
        {
            if (!byApproval && soldOut.IsFull(group.Id)) throw AppException.Conflict(ErrorCodes.Full);
            var generation = soldOut.Observe(group.Id);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (byApproval ? !await SeatCounter.TryTakeApprovedAsync(db, group.Id, ct) : !await SeatCounter.TryTakeAsync(db, group.Id, time.GetUtcNow(), ct))
                throw byApproval ? AppException.Conflict(ErrorCodes.Full) : await RefusalAsync(db, group.Id, generation, ct);
            await record(db);
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
        if (!await db.JoinGroups.Where(g => g.Id == groupId).Where(Recruitment.OpenAt(time.GetUtcNow())).AnyAsync(ct))
            return AppException.Conflict(ErrorCodes.NotRecruiting);
        soldOut.MarkFull(groupId, generation);
        return AppException.Conflict(ErrorCodes.Full);
    }

    /// <summary>The club's lock, or FULL as soon as the group fills while this caller waits for it.</summary>
    private async Task<SeatLockResult> AcquireLockAsync(JoinGroup group, bool byApproval, CancellationToken ct)
    {
        using var untilFull = CancellationTokenSource.CreateLinkedTokenSource(ct, byApproval ? CancellationToken.None : soldOut.WhenFull(group.Id));
        if (!byApproval && soldOut.IsFull(group.Id)) throw AppException.Conflict(ErrorCodes.Full);
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
