using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>Two app processes on one PostgreSQL database sending through one SMTP server, as production runs.</summary>
public sealed class TwoInstanceEmailTests
{
    private const int Members = 20;
    private const int PerMember = 10;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_notifications_become_two_hundred_mails_none_sent_twice()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var smtp = await MailServerProcess.StartAsync(Ct);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.SmtpPort.ToString(),
            ["Email:Smtp:UseTls"] = "false",
            // Rows written by another process wake nobody here: both instances find them by polling.
            ["Email:PollInterval"] = "00:00:01",
        };
        // One after the other: the first start migrates the empty database.
        await using var first = await AppProcess.StartAsync("instance 1", settings, "Staging", Ct);
        await using var second = await AppProcess.StartAsync("instance 2", settings, "Staging", Ct);

        var members = Enumerable.Range(0, Members).Select(i => MailFixture.NewUser($"회원{i}")).ToList();
        await using (var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options))
        {
            db.Users.AddRange(members);
            new NotificationOutbox(TimeProvider.System).Record(db, members.SelectMany(member => Enumerable.Range(0, PerMember)
                .Select(_ => NotificationDraft.RoleChanged(member.Id, "우학동 사진부", "photo", ClubRole.Officer))));
            await db.SaveChangesAsync(Ct);
        }

        await Eventually.TrueAsync(async () => await SentAsync(database) == Members * PerMember, "every notification marked sent", Ct);
        var arrived = (await smtp.Server.AllAsync()).Where(m => members.Any(u => u.Email == m.To.Single().Email)).ToList();
        Assert.Equal(Members * PerMember, arrived.Count);
        Assert.Equal(Members * PerMember, arrived.Select(m => m.MessageId).Distinct().Count());
        Assert.True(first.LoggedErrors.Count == 0 && second.LoggedErrors.Count == 0, first.RecentOutput + second.RecentOutput);
    }

    private static async Task<int> SentAsync(TestDatabase database)
    {
        await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);
        return await db.Notifications.CountAsync(n => n.EmailStatus == EmailStatus.Sent);
    }
}
