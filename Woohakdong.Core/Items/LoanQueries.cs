using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Items;

/// <summary>Who holds what: officers' views of a club's loans, and a student's own overdue loans across clubs.</summary>
public sealed class LoanQueries(
    ClubAccess access, ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, LoanReader loans, TimeProvider time)
{
    /// <summary>The club's open loans for officers, overdue ones first, then by due date.</summary>
    public async Task<IReadOnlyList<LoanView>> CurrentAsync(long clubId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await loans.ReadAsync(db, OfClub(db, clubId).Where(l => l.ReturnedAt == null), ct);
        return [.. open.OrderByDescending(l => l.IsOverdue).ThenBy(l => l.DueOn).ThenBy(l => l.ItemName)];
    }

    /// <summary>Every loan one member made in the club, deleted items included, newest first: for officers and for the member.</summary>
    public async Task<IReadOnlyList<LoanView>> MemberHistoryAsync(long clubId, Guid memberId, CancellationToken ct = default)
    {
        if (currentUser.RequireUserId() != memberId) await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await loans.ReadAsync(db, OfClub(db, clubId).Where(l => l.BorrowerId == memberId), ct);
    }

    /// <summary>The caller's loans past their due date in every club, most overdue first: the dashboard's notice.</summary>
    public async Task<IReadOnlyList<MyOverdueLoan>> MyOverdueAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var today = time.Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overdue = await (
                from loan in db.ItemLoans.Where(ItemRules.OverdueOn(today))
                join item in db.Items on loan.ItemId equals item.Id
                join club in db.Clubs on item.ClubId equals club.Id
                where loan.BorrowerId == userId
                orderby loan.DueOn, loan.Id
                select new
                {
                    LoanId = loan.Id, ClubId = club.Id, ClubName = club.Name, ClubEnglishName = club.EnglishName,
                    ItemId = item.Id, ItemName = item.Name, loan.DueOn,
                })
            .ToListAsync(ct);
        return [.. overdue.Select(o => new MyOverdueLoan(
            o.LoanId, o.ClubId, o.ClubName, o.ClubEnglishName, o.ItemId, o.ItemName, o.DueOn, today.DayNumber - o.DueOn.DayNumber))];
    }

    private static IQueryable<ItemLoan> OfClub(AppDbContext db, long clubId) =>
        db.ItemLoans.Where(l => db.Items.Any(i => i.Id == l.ItemId && i.ClubId == clubId));
}
