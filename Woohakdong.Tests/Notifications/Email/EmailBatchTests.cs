using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>One claim through <see cref="EmailBatch"/> without a host: how its mails' outcomes are written, together.</summary>
public abstract class EmailBatchTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_claims_mails_are_marked_together_sent_or_skipped_and_only_account_mails_lose_their_link()
    {
        await using var core = await StartAsync();
        var member = await core.AddUserAsync("김회원");
        var other = await core.AddUserAsync("이회원");
        await using (var db = await core.DbAsync())
        {
            db.EmailOptOuts.Add(new EmailOptOut { UserId = member.Id, Kind = NotificationKind.RoleChanged });
            core.Get<NotificationOutbox>().Record(db, [
                NotificationDraft.RoleChanged(member.Id, "우학동 사진부", "photo", ClubRole.Officer),
                NotificationDraft.PaymentCompleted(member.Id, "우학동 사진부", 15_000, CoreHarness.DefaultNow, "join-7-x"),
                NotificationDraft.PasswordReset(other.Id, new Uri("https://woohakdong.example/account/reset-password?code=secret")),
            ]);
            await db.SaveChangesAsync(Ct);
        }
        var transport = new RecordingTransport();

        Assert.Equal(3, await Batch(core, transport).RunOnceAsync(Ct));

        Assert.Equal([member.Email, other.Email], transport.Sent.Select(m => m.To.Mailboxes.Single().Address));
        await using var check = await core.DbAsync();
        var outcomes = check.Notifications.OrderBy(n => n.Id).ToList();
        Assert.Collection(outcomes,
            optedOut => Assert.True(optedOut is { EmailStatus: EmailStatus.Skipped, Link: "/clubs/photo", EmailClaimToken: null }),
            receipt => Assert.True(receipt is { EmailStatus: EmailStatus.Sent, Link: not null, EmailClaimToken: null, EmailSentAt: not null }),
            reset => Assert.True(reset is { EmailStatus: EmailStatus.Sent, Link: null, EmailClaimToken: null }));
    }

    [Fact]
    public async Task When_the_host_stops_mid_claim_the_mails_already_sent_are_marked_sent_and_the_rest_waits()
    {
        await using var core = await StartAsync();
        var member = await core.AddUserAsync("김회원");
        await using (var db = await core.DbAsync())
        {
            core.Get<NotificationOutbox>().Record(db, [.. Enumerable.Range(1, 4).Select(i =>
                NotificationDraft.RefundMade(member.Id, "우학동 사진부", 1_000 * i, "중복 결제", $"join-{i}"))]);
            await db.SaveChangesAsync(Ct);
        }
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var transport = new RecordingTransport { AfterEachSend = sent => { if (sent == 2) stopping.Cancel(); } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Batch(core, transport).RunOnceAsync(stopping.Token));

        Assert.Equal(2, transport.Sent.Count);
        await using var check = await core.DbAsync();
        Assert.Equal([EmailStatus.Sent, EmailStatus.Sent, EmailStatus.Pending, EmailStatus.Pending],
            check.Notifications.OrderBy(n => n.Id).Select(n => n.EmailStatus).ToList());
    }

    private Task<CoreHarness> StartAsync() =>
        CoreHarness.StartAsync(provider, new Dictionary<string, string?> { ["Email:LinkBaseUrl"] = "https://woohakdong.example/" });

    private static EmailBatch Batch(CoreHarness core, IMailTransport transport) =>
        new(core.Get<EmailOutbox>(), core.Get<EmailComposer>(), transport, NullLogger<EmailBatch>.Instance);

    /// <summary>Accepts every mail, as a working server would, and honours cancellation as MailKit does.</summary>
    private sealed class RecordingTransport : IMailTransport, IMailSession
    {
        public List<MimeMessage> Sent { get; } = [];
        public Action<int>? AfterEachSend { get; init; }

        public Task<IMailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IMailSession>(this);

        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            Sent.Add(message);
            AfterEachSend?.Invoke(Sent.Count);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class EmailBatchTestsOnSqlite() : EmailBatchTests(DatabaseProvider.Sqlite);

public sealed class EmailBatchTestsOnPostgres() : EmailBatchTests(DatabaseProvider.Postgres);
