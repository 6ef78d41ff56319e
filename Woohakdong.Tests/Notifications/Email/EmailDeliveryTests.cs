using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>Notifications as e-mails through a real SMTP server (the shared maildev), as a member receives them.</summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private readonly AppFactory app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        app.UseMailServer(MailServer.Shared.Smtp);
        app.Settings["Email:LinkBaseUrl"] = "https://woohakdong.example/";
        app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_receipt_arrives_with_a_Korean_subject_plain_text_and_HTML_and_an_absolute_link()
    {
        var member = await MailFixture.AddUserAsync(app.Services, "김회원");
        var paidAt = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        await MailFixture.RecordAsync(app.Services, NotificationDraft.PaymentCompleted(member.Id, "우학동 사진부", 15_000, paidAt, "join-7-x"));

        var mail = Assert.Single(await MailServer.Shared.WaitForAsync(member.Email!));

        Assert.Equal("우학동 사진부 회비 결제 완료", mail.Subject);
        Assert.Equal("김회원", mail.To.Single().Name);
        Assert.Contains("₩15,000", mail.Text);
        Assert.Contains("2026-03-02 10:00", mail.Text);
        Assert.Contains("https://woohakdong.example/me/payments", mail.Text);
        Assert.Contains("href=\"https://woohakdong.example/me/payments\"", mail.Html);
        Assert.Contains("<html lang=\"ko\">", mail.Html);
        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id)).Single().EmailStatus == EmailStatus.Sent,
            "marked sent", Ct);
    }

    [Fact]
    public async Task An_English_reader_gets_the_mail_in_English()
    {
        var member = await MailFixture.AddUserAsync(app.Services, "Jane", language: "en");
        await MailFixture.RecordAsync(app.Services, NotificationDraft.RoleChanged(member.Id, "Photo club", "photo", ClubRole.Officer));

        var mail = Assert.Single(await MailServer.Shared.WaitForAsync(member.Email!));

        Assert.Equal("Photo club: your role changed", mail.Subject);
        Assert.Contains("<html lang=\"en\">", mail.Html);
    }

    [Fact]
    public async Task A_kind_turned_off_stays_in_the_inbox_and_sends_no_mail()
    {
        var member = await MailFixture.AddUserAsync(app.Services, "김회원");
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            db.EmailOptOuts.Add(new EmailOptOut { UserId = member.Id, Kind = NotificationKind.RoleChanged });
            await db.SaveChangesAsync(Ct);
        }
        await MailFixture.RecordAsync(app.Services,
            NotificationDraft.RoleChanged(member.Id, "우학동 사진부", "photo", ClubRole.Officer),
            NotificationDraft.PresidencyHanded(member.Id, "우학동 사진부", "photo", "이회장"));

        // The second kind is still on: once its mail arrived, the first was decided too (one claim, in order).
        var mail = Assert.Single(await MailServer.Shared.WaitForAsync(member.Email!));
        Assert.Equal("우학동 사진부의 회장이 되셨습니다", mail.Subject);
        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id))
            .Select(n => n.EmailStatus).SequenceEqual([EmailStatus.Skipped, EmailStatus.Sent]), "skipped and sent", Ct);
        Assert.All(await MailFixture.NotificationsOfAsync(app.Services, member.Id), n => Assert.True(n.InInbox));
    }

    [Fact]
    public async Task An_account_mail_goes_by_mail_only_and_its_one_time_link_leaves_the_database_once_sent()
    {
        var member = await MailFixture.AddUserAsync(app.Services, "김회원");
        var link = new Uri("https://woohakdong.example/account/reset-password?email=x&code=secret-token");
        await MailFixture.RecordAsync(app.Services, NotificationDraft.PasswordReset(member.Id, link));

        var mail = Assert.Single(await MailServer.Shared.WaitForAsync(member.Email!));

        Assert.Equal("[우학동] 비밀번호 재설정", mail.Subject);
        Assert.Contains(link.AbsoluteUri, mail.Text);
        await Eventually.TrueAsync(async () => (await MailFixture.NotificationsOfAsync(app.Services, member.Id)).Single() is
            { EmailStatus: EmailStatus.Sent, Link: null, InInbox: false }, "sent, link forgotten", Ct);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
