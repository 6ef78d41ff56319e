using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Items;

/// <summary>
/// A member of the club this term borrows an item until today (KST) plus its maximum loan days. When two members
/// borrow the same item at once, one waits on the item's row lock and then sees the other's loan: ITEM_ON_LOAN (409);
/// the one-open-loan-per-item index refuses a second loan even without the lock. The lock also keeps a delete at the
/// same moment from leaving a loan on a deleted item.
/// </summary>
public sealed class BorrowItem(
    ClubAccess access, ICurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory, LoanReader loans, TimeProvider time)
{
    public async Task<LoanView> BorrowAsync(long clubId, long itemId, CancellationToken ct = default)
    {
        var borrowerId = currentUser.RequireUserId();
        await access.RequireAsync(clubId, role => role is not null, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.LockLiveAsync(clubId, itemId, ct)) throw AppException.NotFound(ErrorCodes.ItemNotFound);
        var item = await ItemLookup.FindLiveAsync(db.Items.AsNoTracking(), clubId, itemId, ct);
        if (item.Unavailable) throw AppException.Conflict(ErrorCodes.ItemUnavailable);
        if (await db.OpenLoans(itemId).AnyAsync(ct)) throw AppException.Conflict(ErrorCodes.ItemOnLoan);

        var loan = new ItemLoan
        {
            ItemId = itemId, BorrowerId = borrowerId, BorrowedAt = time.GetUtcNow(),
            DueOn = ItemRules.DueOn(time.Today(), item.MaxLoanDays),
        };
        db.ItemLoans.Add(loan);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            throw AppException.Conflict(ErrorCodes.ItemOnLoan);
        }
        return await loans.ReadOneAsync(db, loan.Id, ct);
    }
}
