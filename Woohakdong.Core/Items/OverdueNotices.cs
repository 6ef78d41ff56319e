using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Items;

/// <summary>
/// Tells each borrower whose loan <see cref="OverdueSchedule"/> says is owed today's notice. Safe on every instance at
/// once: a loan's day is taken by a conditional update in the same transaction as its notification, so of two passes
/// only one notifies, and a rolled-back notification leaves the day to the next pass.
/// </summary>
public sealed class OverdueNotices(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, TimeProvider time)
{
    private const int BatchSize = 100;

    private sealed record Due(long LoanId, Guid BorrowerId, long ItemId, string Item, string Club, string ClubPath, DateOnly DueOn);

    /// <summary>Returns how many notices this pass recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var sent = 0;
        List<Due> batch;
        var afterId = 0L;
        do
        {
            batch = await NextAsync(afterId, ct);
            foreach (var due in batch)
                if (await TryNotifyAsync(due, ct)) sent++;
            afterId = batch.Count > 0 ? batch[^1].LoanId : afterId;
        } while (batch.Count == BatchSize);
        return sent;
    }

    private async Task<List<Due>> NextAsync(long afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ItemLoans.AsNoTracking().Where(OverdueSchedule.NoticeDue(time.GetUtcNow())).Where(l => l.Id > afterId)
            .Join(db.Items, l => l.ItemId, i => i.Id, (l, i) => new { Loan = l, Item = i })
            .Join(db.Clubs, x => x.Item.ClubId, c => c.Id, (x, c) => new { x.Loan, x.Item, Club = c })
            .OrderBy(x => x.Loan.Id).Take(BatchSize)
            .Select(x => new Due(x.Loan.Id, x.Loan.BorrowerId, x.Item.Id, x.Item.Name, x.Club.Name, x.Club.EnglishName, x.Loan.DueOn))
            .ToListAsync(ct);
    }

    private async Task<bool> TryNotifyAsync(Due due, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Asked again here: another instance may have taken today, or the item come back, since the batch was read.
        var taken = await db.ItemLoans.Where(l => l.Id == due.LoanId).Where(OverdueSchedule.NoticeDue(now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LastOverdueNoticeOn, OverdueSchedule.Today(now)), ct);
        if (taken == 0) return false;
        outbox.Record(db, NotificationDraft.ItemOverdue(due.BorrowerId, due.Club, due.ClubPath, due.Item, due.ItemId, due.DueOn));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
