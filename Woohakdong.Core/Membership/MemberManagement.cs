using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Membership;

/// <summary>
/// The president's powers over this term's roster: change roles, remove members, hand over the presidency. The member
/// whose role changed, or the new president, is notified in the same save as the change.
/// </summary>
public sealed class MemberManagement(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, SeatChanges seatChanges, TimeProvider time,
    NotificationOutbox outbox)
{
    public async Task ChangeRoleAsync(long clubId, long membershipId, ClubRole newRole, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanManageMembers, ct);
        if (!Enum.IsDefined(newRole)) throw AppException.Validation(ErrorCodes.InvalidInput, "role");
        if (!RolePolicy.IsAssignable(newRole)) throw AppException.Conflict(ErrorCodes.UsePresidencyHandover, "role");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await FindThisTermAsync(db, clubId, membershipId, ct);
        if (membership.Role == ClubRole.President) throw AppException.Conflict(ErrorCodes.PresidentRoleProtected, "role");
        if (membership.Role == newRole) return;
        membership.Role = newRole;
        var club = await ClubAsync(db, clubId, ct);
        outbox.Record(db, NotificationDraft.RoleChanged(membership.UserId, club.Name, club.EnglishName, newRole));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(long clubId, long membershipId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanManageMembers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await FindThisTermAsync(db, clubId, membershipId, ct);
        if (membership.Role == ClubRole.President) throw AppException.Conflict(ErrorCodes.PresidentRoleProtected);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Memberships.Remove(membership);
            await db.SaveChangesAsync(ct);
            // A member admitted through the join group gives the seat back.
            if (membership.JoinGroupId is { } groupId) await SeatCounter.FreeAsync(db, groupId, ct);
            await transaction.CommitAsync(ct);
        }
        if (membership.JoinGroupId is { } freed) await seatChanges.AnnounceAsync(db, freed, ct);
    }

    /// <summary>
    /// Makes another member of this term the president; the old president stays on as 임원 (OFFICER).
    /// Only the two memberships change, in one transaction: the club, its roster and its history stay as they were.
    /// </summary>
    public async Task HandOverPresidencyAsync(long clubId, long newPresidentMembershipId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanManageMembers, ct);
        var callerId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var successor = await FindThisTermAsync(db, clubId, newPresidentMembershipId, ct);
        if (successor.UserId == callerId) throw AppException.Conflict(ErrorCodes.AlreadyPresident);
        var term = Term.Current(time).Key;
        var president = await db.Memberships.SingleAsync(
            m => m.ClubId == clubId && m.TermKey == term && m.UserId == callerId, ct);
        president.Role = ClubRole.Officer;
        successor.Role = ClubRole.President;
        var club = await ClubAsync(db, clubId, ct);
        var from = await db.Users.Where(u => u.Id == callerId).Select(u => u.DisplayName).SingleAsync(ct);
        outbox.Record(db, NotificationDraft.PresidencyHanded(successor.UserId, club.Name, club.EnglishName, from));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static Task<Club> ClubAsync(AppDbContext db, long clubId, CancellationToken ct) =>
        db.Clubs.AsNoTracking().SingleAsync(c => c.Id == clubId, ct);

    private async Task<ClubMembership> FindThisTermAsync(AppDbContext db, long clubId, long membershipId, CancellationToken ct)
    {
        var term = Term.Current(time).Key;
        return await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.ClubId == clubId && m.TermKey == term, ct)
            ?? throw AppException.NotFound(ErrorCodes.MemberNotFound);
    }
}
