using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Applications;

/// <summary>
/// One pass of the applications' news: each group's officers get one notification for the applications that arrived since
/// the last pass, and approved students whose payment deadline is near get their reminder. Safe on every instance at once:
/// the rows are claimed by a conditional update in the same transaction as their notifications.
/// </summary>
public sealed class ApplicationNotices(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, IOptions<ApplicationOptions> options, TimeProvider time)
{
    /// <summary>Returns how many notifications this pass recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var sent = 0;
        List<long> groups;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            groups = await db.Applications.Where(a => a.OfficersToldAt == null).Select(a => a.GroupId).Distinct().ToListAsync(ct);
        foreach (var groupId in groups) sent += await TellOfficersAsync(groupId, ct);
        sent += await RemindAsync(ct);
        return sent;
    }

    private async Task<int> TellOfficersAsync(long groupId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.JoinGroups.AsNoTracking().Where(g => g.Id == groupId)
            .Join(db.Clubs, g => g.ClubId, c => c.Id, (g, c) => new { g.ClubId, g.TermKey, c.Name, c.EnglishName }).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var count = await db.Applications.Where(a => a.GroupId == groupId && a.OfficersToldAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.OfficersToldAt, now), ct);
        if (count == 0) return 0;
        var officers = await ApplicationDrafts.OfficersAsync(db, group.ClubId, group.TermKey, ct);
        outbox.Record(db, officers.Select(o => ApplicationDrafts.Received(o, group.Name, group.EnglishName, count)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return officers.Count;
    }

    private async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var soon = now + options.Value.PaymentReminderBefore;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Approved && !a.PaymentReminderSent && a.PayBy != null && a.PayBy <= soon && a.PayBy > now)
            .Join(db.JoinGroups, a => a.GroupId, g => g.Id, (a, g) => new { a.Id, a.UserId, a.PayBy, g.Amount, g.ClubId })
            .Join(db.Clubs, x => x.ClubId, c => c.Id, (x, c) => new { x.Id, x.UserId, x.PayBy, x.Amount, c.Name })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var row in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Applications.Where(a => a.Id == row.Id && !a.PaymentReminderSent)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.PaymentReminderSent, true), ct);
            if (claimed == 0) continue;
            outbox.Record(db, ApplicationDrafts.PaymentDue(row.UserId, row.Name, row.Amount, row.PayBy!.Value));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return sent;
    }
}
