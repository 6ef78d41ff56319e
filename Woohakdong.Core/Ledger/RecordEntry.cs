using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Ledger;

/// <summary>
/// A 총무 or above records income or an expense by hand, with receipts through the upload flow every club image takes
/// (<see cref="UploadVerifier"/>: issued to this user for this club, really an image). The entry counts in the term of its date.
/// </summary>
public sealed class RecordEntry(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, UploadVerifier verifier,
    LedgerBook book, TimeProvider time)
{
    public async Task<LedgerEntryView> RecordAsync(long clubId, LedgerEntryInput input, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, LedgerRules.CanWrite, ct);
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earliest = (await ClubTerms.FirstAsync(db, clubId, ct)).StartsOn;
        var valid = LedgerRules.Validate(input, time.Today(), earliest);
        var receipts = await verifier.VerifyAsync(clubId, valid.ReceiptKeys!, ct);
        await ImageAttachments.RefuseAttachedAsync(db, receipts, ct);
        var entry = new LedgerEntry
        {
            ClubId = clubId, TermKey = Term.Of(valid.Date).Key, Date = valid.Date, Kind = valid.Kind, Category = valid.Category,
            Amount = valid.Amount, Memo = valid.Memo!, Source = LedgerSource.Manual, RecordedBy = userId, RecordedAt = time.GetUtcNow(),
            Receipts = [.. receipts.Select(r => new LedgerReceipt { Key = r.Key })],
        };
        db.LedgerEntries.Add(entry);
        await ImageAttachments.SaveAsync(db, receipts, ct);
        return await book.EntryAsync(db, entry.Id, ct);
    }
}
