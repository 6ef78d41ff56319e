using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>
/// The borrower returns an item, or an officer records its return, with an optional photo uploaded like item images
/// (the upload URL comes from <see cref="ImageUploadService.RequestReturnPhotoAsync"/>) and verified the same way.
/// A deleted item can still be returned; a second return of the same loan gets ITEM_NOT_ON_LOAN. When an officer
/// records it, the borrower is told in the same transaction.
/// </summary>
public sealed class ReturnItem(
    ClubAccess access, ICurrentUser currentUser, UploadVerifier verifier, IDbContextFactory<AppDbContext> dbFactory,
    LoanReader loans, TimeProvider time, NotificationOutbox outbox)
{
    public async Task<LoanView> ReturnAsync(long clubId, long itemId, string? photoKey = null, CancellationToken ct = default)
    {
        var callerId = currentUser.RequireUserId();
        photoKey = string.IsNullOrWhiteSpace(photoKey) ? null : photoKey.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Items.AnyAsync(i => i.Id == itemId && i.ClubId == clubId, ct)) throw AppException.NotFound(ErrorCodes.ItemNotFound);
        var loan = await db.OpenLoans(itemId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (loan is null) throw AppException.Conflict(ErrorCodes.ItemNotOnLoan);
        if (loan.BorrowerId != callerId) await access.RequireAsync(clubId, RolePolicy.CanEditClub, ct);
        string? photo = null;
        if (photoKey is not null)
        {
            var verified = await verifier.VerifyAsync(clubId, [photoKey], ct);
            await ImageAttachments.RefuseAttachedAsync(db, verified, ct);
            photo = verified.Single().Key;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional: of two returns at once, only one closes the loan.
            var closed = await db.ItemLoans.Where(l => l.Id == loan.Id && l.ReturnedAt == null).ExecuteUpdateAsync(set => set
                .SetProperty(l => l.ReturnedAt, time.GetUtcNow())
                .SetProperty(l => l.ReturnedBy, callerId)
                .SetProperty(l => l.ReturnPhotoKey, photo), ct);
            if (closed == 0) throw AppException.Conflict(ErrorCodes.ItemNotOnLoan);
            if (loan.BorrowerId != callerId) await TellBorrowerAsync(db, loan, callerId, ct);
            await transaction.CommitAsync(ct);
        }
        return await loans.ReadOneAsync(db, loan.Id, ct);
    }

    private async Task TellBorrowerAsync(AppDbContext db, ItemLoan loan, Guid officerId, CancellationToken ct)
    {
        var about = await db.Items.Where(i => i.Id == loan.ItemId)
            .Join(db.Clubs, i => i.ClubId, c => c.Id, (i, c) => new { Item = i.Name, Club = c.Name, c.EnglishName })
            .SingleAsync(ct);
        var officer = await db.Users.Where(u => u.Id == officerId).Select(u => u.DisplayName).SingleAsync(ct);
        outbox.Record(db, NotificationDraft.ItemReturnedForYou(loan.BorrowerId, about.Club, about.EnglishName, about.Item, loan.ItemId, officer));
        await db.SaveChangesAsync(ct);
    }
}
