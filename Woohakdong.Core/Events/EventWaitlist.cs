using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Events;

/// <summary>An event's place in line, as the officers' list shows it (KST); position only while waiting.</summary>
public sealed record WaitlistPlace(
    long EntryId, int? Position, string Name, string StudentNumber, WaitlistStatus Status, DateTimeOffset JoinedAt, DateTimeOffset? OfferExpiresAt);

/// <summary>
/// An event's waitlist: a student joins when the crowd has no seat left (full, or others already waiting), leaves it, and
/// is told their position. Freed seats go to the line by <see cref="WaitlistOffers"/>. Every statement that moves an entry
/// into or out of the line moves the event's <see cref="SeatPool.Waitlisted"/> count in the same transaction, the pool's
/// row first, so that the crowd's guarded update sees the line exactly.
/// </summary>
public sealed class EventWaitlist(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, SeatService seats, HoldService holds,
    SeatChanges changes, TimeProvider time)
{
    /// <summary>
    /// My place in line (1 is next): NO_WAITLIST without a capacity; SEATS_AVAILABLE while the crowd may still sign up;
    /// the sign-up's own refusals (NOT_OPEN, NOT_ALLOWED, PROFILE_INCOMPLETE, ALREADY_SIGNED_UP); ALREADY_WAITLISTED.
    /// </summary>
    public async Task<int> JoinAsync(long eventId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var clubEvent = (ClubEvent)await seats.CheckEligibleAsync(PoolKind.Event, eventId, ct);
        if (clubEvent.Capacity is null) throw AppException.Conflict(ErrorCodes.NoWaitlist);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A sign-up waiting for its payment is a seat already.
        if (await db.EventSignups.AnyAsync(s => s.EventId == eventId && s.UserId == userId && s.Status != SignupStatus.Cancelled, ct))
            throw AppException.Conflict(ErrorCodes.AlreadySignedUp);
        if (await LiveEntryAsync(db, eventId, userId, ct) is not null) throw AppException.Conflict(ErrorCodes.AlreadyWaitlisted);
        var entry = new WaitlistEntry { EventId = eventId, UserId = userId, Status = WaitlistStatus.Waiting };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (!await SeatCounter.TryJoinWaitlistAsync(db, eventId, ct)) throw AppException.Conflict(ErrorCodes.SeatsAvailable);
            db.WaitlistEntries.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException error) when (error.IsUniqueViolation())
            {
                // The same student's other click, a moment before; the rollback takes the count back.
                throw AppException.Conflict(ErrorCodes.AlreadyWaitlisted);
            }
            await transaction.CommitAsync(ct);
        }
        // The crowd hears FULL from memory now, on every instance.
        await changes.AnnounceAsync(db, eventId, ct);
        return await PositionAsync(db, entry, ct);
    }

    /// <summary>
    /// Takes the student out of line: a waiting place at once; an offer by releasing its seat, which goes to the next in
    /// line (<see cref="WaitlistOfferHolds"/> moves the entry). False when the student had no live place.
    /// </summary>
    public async Task<bool> LeaveAsync(long eventId, Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Twice at most: an offer made between the read and the move turns a waiting place into an offered one.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var entry = await LiveEntryAsync(db, eventId, userId, ct);
            if (entry is null) return false;
            if (entry is { Status: WaitlistStatus.Offered, HoldId: { } holdId })
            {
                await holds.ReleaseHoldAsync(holdId, ct);
                return true;
            }
            if (await WaitlistMoves.TryLeaveAsync(db, entry, time.GetUtcNow(), ct))
            {
                await changes.AnnounceAsync(db, eventId, ct);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Closes a cancelled event's line: everyone waiting leaves at once, and the offers' seats are released. Safe to repeat.
    /// </summary>
    public async Task CloseAsync(long eventId, CancellationToken ct = default)
    {
        List<long> offers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.SeatPools.Where(p => p.Id == eventId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Waitlisted, 0), ct);
                await WaitlistMoves.MoveAsync(db.WaitlistEntries.Where(w => w.EventId == eventId),
                    WaitlistStatus.Waiting, WaitlistStatus.Left, time.GetUtcNow(), ct);
                await transaction.CommitAsync(ct);
            }
            offers = await db.WaitlistEntries.Where(w => w.EventId == eventId && w.Status == WaitlistStatus.Offered && w.HoldId != null)
                .Select(w => w.HoldId!.Value).ToListAsync(ct);
        }
        foreach (var holdId in offers) await holds.ReleaseHoldAsync(holdId, ct);
    }

    /// <summary>The line as the officers see it: waiting in order, then offers and what became of earlier places.</summary>
    public async Task<IReadOnlyList<WaitlistPlace>> ListAsync(long eventId, CancellationToken ct = default)
    {
        await EventOfficers.RequireAsync(dbFactory, access, eventId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.WaitlistEntries.AsNoTracking().Where(w => w.EventId == eventId)
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new { Entry = w, u.DisplayName, u.StudentNumber })
            .OrderBy(x => x.Entry.Id).ToListAsync(ct);
        var position = 0;
        return rows.Select(x => new WaitlistPlace(x.Entry.Id, x.Entry.Status == WaitlistStatus.Waiting ? ++position : null,
                x.DisplayName, x.StudentNumber, x.Entry.Status, x.Entry.CreatedAt.ToKst(), x.Entry.OfferExpiresAt?.ToKst()))
            .OrderBy(p => p.Position ?? int.MaxValue).ThenBy(p => p.EntryId).ToList();
    }

    /// <summary>1 for the next in line: the waiting places before this one, plus one.</summary>
    internal static async Task<int> PositionAsync(AppDbContext db, WaitlistEntry entry, CancellationToken ct) =>
        1 + await db.WaitlistEntries.CountAsync(w => w.EventId == entry.EventId && w.Status == WaitlistStatus.Waiting && w.Id < entry.Id, ct);

    internal static Task<WaitlistEntry?> LiveEntryAsync(AppDbContext db, long eventId, Guid userId, CancellationToken ct) =>
        db.WaitlistEntries.AsNoTracking().SingleOrDefaultAsync(
            w => w.EventId == eventId && w.UserId == userId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered), ct);
}
