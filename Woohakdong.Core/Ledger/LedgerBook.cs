using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Ledger;

/// <summary>
/// A term of the club's ledger for those allowed to read it (<see cref="LedgerRules.CanRead"/>): its entries oldest
/// first, with their receipts as fresh presigned links, the term's sums and the balance carried over from earlier terms.
/// </summary>
public sealed class LedgerBook(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, ItemImageUrls urls, TimeProvider time)
{
    public async Task<LedgerBookView> GetAsync(long clubId, string? termKey = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await OpenToMembersAsync(db, clubId, ct);
        var role = await access.RequireAsync(clubId, role => LedgerRules.CanRead(role, open), ct);
        var term = (await ClubTerms.RequireAsync(db, clubId, termKey, time, ct)).Key;
        var entries = await ViewsAsync(db, db.LedgerEntries.Where(e => e.ClubId == clubId && e.TermKey == term), ct);
        var totals = await LedgerTotals.OfTermAsync(db, clubId, term, ct);
        return new LedgerBookView(
            term, entries, totals.CarriedOver, totals.Income, totals.Expense, totals.Balance, open, LedgerRules.CanWrite(role));
    }

    /// <summary>Whether the caller may read the book, so a page offers a link to it only then; never throws for an outsider.</summary>
    public async Task<bool> CanReadAsync(long clubId, CancellationToken ct = default)
    {
        var role = await access.RoleAsync(clubId, ct);
        if (role is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return LedgerRules.CanRead(role, await OpenToMembersAsync(db, clubId, ct));
    }

    /// <summary>Every term the club has had, newest first, for those who may read the book.</summary>
    public async Task<IReadOnlyList<Term>> TermsAsync(long clubId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await OpenToMembersAsync(db, clubId, ct);
        await access.RequireAsync(clubId, role => LedgerRules.CanRead(role, open), ct);
        return await ClubTerms.AllAsync(db, clubId, time, ct);
    }

    private static async Task<bool> OpenToMembersAsync(AppDbContext db, long clubId, CancellationToken ct) =>
        await db.Clubs.Where(c => c.Id == clubId).Select(c => (bool?)c.LedgerOpenToMembers).SingleOrDefaultAsync(ct) ?? false;

    /// <summary>One entry as the book shows it.</summary>
    internal async Task<LedgerEntryView> EntryAsync(AppDbContext db, long entryId, CancellationToken ct) =>
        (await ViewsAsync(db, db.LedgerEntries.Where(e => e.Id == entryId), ct)).Single();

    private async Task<List<LedgerEntryView>> ViewsAsync(AppDbContext db, IQueryable<LedgerEntry> entries, CancellationToken ct)
    {
        var rows = await entries.AsNoTracking()
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new
            {
                Entry = e,
                ReceiptKeys = e.Receipts.OrderBy(r => r.Id).Select(r => r.Key).ToList(),
                ReversedBy = db.LedgerEntries.Where(r => r.ReversesId == e.Id).Select(r => (long?)r.Id).FirstOrDefault(),
                RecordedByName = db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var views = new List<LedgerEntryView>(rows.Count);
        foreach (var row in rows)
        {
            var e = row.Entry;
            var receipts = new List<string>(row.ReceiptKeys.Count);
            foreach (var key in row.ReceiptKeys) receipts.Add(await urls.UrlAsync(key, ct));
            views.Add(new LedgerEntryView(
                e.Id, e.TermKey, e.Date, e.Kind, e.Category, e.Amount, e.Signed, e.Memo, e.Source, e.OrderId, e.ReversesId,
                row.ReversedBy, row.RecordedByName, e.RecordedAt, receipts));
        }
        return views;
    }
}
