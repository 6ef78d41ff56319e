using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>An SMTP server that is down for a while, or refuses mail, against a private maildev.</summary>
public sealed class SmtpOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mail_recorded_while_the_SMTP_server_is_down_is_sent_once_it_returns_and_none_is_lost()
    {
        await using var smtp = await MailServerProcess.StartAsync(Ct);
        await using var app = StartApp(smtp);
        var member = await MailFixture.AddUserAsync(app.Services, "김회원");
        await smtp.StopAsync();

        await MailFixture.RecordAsync(app.Services, [.. Enumerable.Range(1, 5).Select(i =>
            NotificationDraft.RefundMade(member.Id, "우학동 사진부", 1_000 * i, "중복 결제", $"join-{i}"))]);
        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id))
            .All(n => n is { EmailStatus: EmailStatus.Pending, EmailAttempts: >= 1, EmailError: not null }), "every mail tried and waiting", Ct);
        await smtp.RestartAsync(Ct);

        var mails = await smtp.Server.WaitForAsync(member.Email!, 5);
        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id))
            .All(n => n.EmailStatus == EmailStatus.Sent), "every mail marked sent", Ct);
        Assert.Equal(5, (await smtp.Server.ToAsync(member.Email!)).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(5, mails.Count);
    }

    [Fact]
    public async Task A_mail_the_server_refuses_for_good_is_marked_failed_at_once_and_not_tried_again()
    {
        // maildev answers 552 to a message above this size: a permanent refusal, as for an unknown mailbox.
        await using var smtp = await MailServerProcess.StartAsync(Ct, "--max-message-size", "300");
        await using var app = StartApp(smtp);
        var member = await MailFixture.AddUserAsync(app.Services, "김회원");

        await MailFixture.RecordAsync(app.Services, NotificationDraft.RoleChanged(member.Id, "우학동 사진부", "photo", ClubRole.Officer));

        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id)).Single().EmailStatus == EmailStatus.Failed,
            "marked failed", Ct);
        var failed = (await MailFixture.NotificationsOfAsync(app.Services, member.Id)).Single();
        Assert.Equal(1, failed.EmailAttempts);
        Assert.Contains("552", failed.EmailError);
        Assert.True(failed.InInbox); // the member still sees it in the app
        Assert.Empty(await smtp.Server.ToAsync(member.Email!));
    }

    private static AppFactory StartApp(MailServerProcess smtp)
    {
        var app = new AppFactory();
        app.UseMailServer(smtp.Server.Smtp);
        app.Settings["Email:RetryBaseDelay"] = "00:00:01";
        app.Settings["Email:PollInterval"] = "00:00:01";
        app.StartOnRealPort();
        return app;
    }
}
