using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Items;

/// <summary>Turns loan rows into <see cref="LoanView"/>s with borrower names, overdue flags (KST) and photo links.</summary>
public sealed class LoanReader(ItemImageUrls urls, TimeProvider time)
{
    /// <summary>The loans, newest first.</summary>
    public async Task<IReadOnlyList<LoanView>> ReadAsync(AppDbContext db, IQueryable<ItemLoan> loans, CancellationToken ct)
    {
        var today = time.Today();
        var rows = await (
                from loan in loans
                join item in db.Items on loan.ItemId equals item.Id
                join borrower in db.Users on loan.BorrowerId equals borrower.Id
                orderby loan.BorrowedAt descending, loan.Id descending
                select new { loan, ItemName = item.Name, BorrowerName = borrower.DisplayName })
            .AsNoTracking().ToListAsync(ct);
        var views = new List<LoanView>(rows.Count);
        foreach (var row in rows)
        {
            var loan = row.loan;
            views.Add(new LoanView(
                loan.Id, loan.ItemId, row.ItemName, loan.BorrowerId, row.BorrowerName, loan.BorrowedAt, loan.DueOn, loan.ReturnedAt,
                loan.ReturnedAt is null && ItemRules.IsOverdue(loan.DueOn, today), await urls.UrlOrNullAsync(loan.ReturnPhotoKey, ct)));
        }
        return views;
    }

    public async Task<LoanView> ReadOneAsync(AppDbContext db, long loanId, CancellationToken ct) =>
        (await ReadAsync(db, db.ItemLoans.Where(l => l.Id == loanId), ct)).Single();
}
