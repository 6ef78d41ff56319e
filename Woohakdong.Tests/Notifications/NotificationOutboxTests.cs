using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications;

/// <summary>The outbox on each provider: a notification commits or rolls back with its change, and is announced only after commit.</summary>
public abstract class NotificationOutboxTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task A_change_that_rolls_back_records_and_announces_nothing()
    {
        var member = await Core.AddUserAsync("김회원");
        var announced = Watch(member.Id);

        await RecordInTransactionAsync(member.Id, async transaction => await transaction.RollbackAsync(Ct));

        await using var check = await Core.DbAsync();
        Assert.False(await check.Notifications.AnyAsync(n => n.RecipientId == member.Id, Ct));
        Assert.Empty(announced);
    }

    [Fact]
    public async Task A_change_that_commits_records_one_notification_announced_after_the_commit()
    {
        var member = await Core.AddUserAsync("김회원");
        var announced = Watch(member.Id);

        await RecordInTransactionAsync(member.Id, async transaction =>
        {
            Assert.Empty(announced); // saved, not yet committed: an open page must not count it yet
            await transaction.CommitAsync(Ct);
        });

        await using var check = await Core.DbAsync();
        var row = await check.Notifications.SingleAsync(n => n.RecipientId == member.Id, Ct);
        Assert.Equal((NotificationKind.RoleChanged, EmailStatus.Pending, true), (row.Kind, row.EmailStatus, row.InInbox));
        await Eventually.TrueAsync(() => announced.Count == 1, "the commit announced", Ct);
    }

    [Fact]
    public async Task Workers_claiming_at_once_never_hold_the_same_mail()
    {
        var members = new List<Guid>();
        for (var i = 0; i < 3; i++) members.Add((await Core.AddUserAsync($"회원{i}")).Id);
        await using (var db = await Core.DbAsync())
        {
            Core.Get<NotificationOutbox>().Record(db, Enumerable.Range(0, 60).Select(i => Draft(members[i % 3])));
            await db.SaveChangesAsync(Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (true)
            {
                // Each worker uses its own outbox (its own contexts), as instances do.
                var claimed = await Core.Get<EmailOutbox>().ClaimAsync(Ct);
                var ours = claimed.Where(c => members.Contains(c.Notification.RecipientId)).Select(c => c.Notification.Id).ToList();
                if (claimed.Count == 0) return mine;
                mine.AddRange(ours);
            }
        }, Ct)));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    /// <summary>Records one notification and saves it inside a transaction that <paramref name="end"/> commits or rolls back.</summary>
    private async Task RecordInTransactionAsync(Guid recipient, Func<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction, Task> end)
    {
        await using var db = await Core.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        Core.Get<NotificationOutbox>().Record(db, Draft(recipient));
        await db.SaveChangesAsync(Ct);
        await end(transaction);
    }

    private static NotificationDraft Draft(Guid recipient) => NotificationDraft.RoleChanged(recipient, "우학동 사진부", "photo", ClubRole.Officer);

    private ConcurrentQueue<Guid> Watch(Guid userId)
    {
        var seen = new ConcurrentQueue<Guid>();
        var subscription = Core.Get<IEventChannel<InboxChanged>>().Subscribe(message =>
        {
            if (message.UserId == userId) seen.Enqueue(message.UserId);
        });
        TestContext.Current.CancellationToken.Register(subscription.Dispose);
        return seen;
    }
}

public sealed class SqliteNotificationOutboxTests(SqliteCore core) : NotificationOutboxTests<SqliteCore>(core);

public sealed class PostgresNotificationOutboxTests(PostgresCore core) : NotificationOutboxTests<PostgresCore>(core);
