using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Ledger;

/// <summary>
/// A wrong manual entry is corrected by its reversal: the opposite kind, the same amount and category, in the same
/// term, dated today, with why. Order income is corrected by a refund, never by hand; a reversal is not reversed
/// again (record the entry anew); of two reversals at once the unique index on ReversesId lets one through.
/// </summary>
public sealed class ReverseEntry(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ICurrentUser currentUser, LedgerBook book, TimeProvider time)
{
    public async Task<LedgerEntryView> ReverseAsync(long clubId, long entryId, string? memo, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, LedgerRules.CanWrite, ct);
        var userId = currentUser.RequireUserId();
        var why = LedgerRules.Memo(memo);
        if (why.Length == 0) throw AppException.Validation(ErrorCodes.LedgerMemoRequired, "memo");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var original = await db.LedgerEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.ClubId == clubId, ct)
            ?? throw AppException.NotFound(ErrorCodes.LedgerEntryNotFound);
        if (original.ReversesId is not null) throw AppException.Conflict(ErrorCodes.LedgerReversalNotReversible);
        if (original.Source != LedgerSource.Manual) throw AppException.Conflict(ErrorCodes.LedgerEntryNotReversible);
        if (await db.LedgerEntries.AnyAsync(e => e.ReversesId == entryId, ct)) throw AppException.Conflict(ErrorCodes.LedgerEntryAlreadyReversed);
        var reversal = new LedgerEntry
        {
            ClubId = clubId, TermKey = original.TermKey, Date = time.Today(), Kind = LedgerRules.Opposite(original.Kind),
            Category = original.Category, Amount = original.Amount, Memo = why, Source = LedgerSource.Manual, ReversesId = original.Id,
            RecordedBy = userId, RecordedAt = time.GetUtcNow(),
        };
        db.LedgerEntries.Add(reversal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            throw AppException.Conflict(ErrorCodes.LedgerEntryAlreadyReversed);
        }
        return await book.EntryAsync(db, reversal.Id, ct);
    }
}
