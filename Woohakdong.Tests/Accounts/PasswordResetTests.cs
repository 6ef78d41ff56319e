using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>Forgot password → mail → reset page, over HTTP like a browser without JavaScript, mail read from maildev.</summary>
public sealed class PasswordResetTests(MailingAppFactory app) : IClassFixture<MailingAppFactory>
{
    public const string NewPassword = "newpassword2";
    public const string LinkRefused = "이 링크는 이미 사용했거나, 만료되었거나, 올바르지 않습니다. 비밀번호 재설정 링크를 다시 받으세요.";

    public static Task<HttpResponseMessage> ForgotAsync(AccountBrowser browser, string email) =>
        browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

    public static Task<HttpResponseMessage> ResetAsync(AccountBrowser browser, string link, string password = NewPassword) =>
        browser.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = password, ["Input.PasswordConfirm"] = password });

    private static async Task<string> NoticeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AccountBrowser.ParseAsync(response)).QuerySelector("[data-testid=account-notice]")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_known_address_gets_a_korean_mail_whose_link_sets_a_new_password_once()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var asked = await ForgotAsync(browser, email);
        var mail = (await MailServer.Shared.WaitForAsync(email)).Single();
        var link = AccountMailbox.LinkIn(mail, AccountLinks.ResetPasswordPath);
        var reset = await ResetAsync(browser, link);
        var again = await new AccountBrowser(app).SendGetAsync(link);

        Assert.Contains($"{email}(으)로 가입한 계정이 있다면", await NoticeAsync(asked));
        Assert.Equal("[우학동] 비밀번호 재설정", mail.Subject);
        Assert.Equal("/account/login?reset=1", browser.RedirectTarget(reset));
        Assert.Equal([LinkRefused], await AccountBrowser.ErrorsAsync(again));
        Assert.True(AccountBrowser.SetsAuthCookie(await new AccountBrowser(app).SignInAsync(email, NewPassword)));
        Assert.False(AccountBrowser.SetsAuthCookie(await new AccountBrowser(app).SignInAsync(email, AccountBrowser.Password)));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_is_recorded()
    {
        var browser = new AccountBrowser(app);
        var known = await browser.CreateUserAsync();
        var unknown = AccountBrowser.NewEmail();
        var before = await ResetMailsAsync();

        var unknownAnswer = await NoticeAsync(await ForgotAsync(browser, unknown));
        var afterUnknown = await ResetMailsAsync();
        var knownAnswer = await NoticeAsync(await ForgotAsync(browser, known));
        await MailServer.Shared.WaitForAsync(known);

        Assert.Equal(knownAnswer.Replace(known, "{address}"), unknownAnswer.Replace(unknown, "{address}"));
        Assert.Equal(before, afterUnknown);
        Assert.Empty(await MailServer.Shared.ToAsync(unknown));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("not-base64!")]
    [InlineData("")]
    public async Task A_tampered_link_is_refused_when_opened_and_when_posted_and_the_password_stays(string tampering)
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();
        await ForgotAsync(browser, email);
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ResetPasswordPath);
        var code = AccountMailbox.Query(link, "code");
        var tampered = tampering == "flip" ? code[..20] + (code[20] == 'A' ? 'B' : 'A') + code[21..] : tampering;
        var tamperedLink = AccountLinks.ResetPassword(email, tampered);

        var opened = await AccountBrowser.ErrorsAsync(await browser.SendGetAsync(tamperedLink));
        // The form of the genuine link, posted to the altered one: the code is checked again when it is used.
        var posted = await browser.SubmitAsync(
            link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.PasswordConfirm"] = NewPassword }, postTo: tamperedLink);

        Assert.Equal([LinkRefused], opened);
        Assert.Equal([LinkRefused], await AccountBrowser.ErrorsAsync(posted));
        Assert.True(AccountBrowser.SetsAuthCookie(await new AccountBrowser(app).SignInAsync(email, AccountBrowser.Password)));
    }

    [Fact]
    public async Task A_link_for_another_address_is_refused()
    {
        var browser = new AccountBrowser(app);
        var victim = await browser.CreateUserAsync();
        var attacker = await browser.CreateUserAsync();
        await ForgotAsync(browser, attacker);
        var code = AccountMailbox.Query(await AccountMailbox.LinkAsync(attacker, AccountLinks.ResetPasswordPath), "code");

        var victimLink = AccountLinks.ResetPassword(victim, code);

        var opened = await browser.SendGetAsync(victimLink);
        var posted = await browser.SubmitAsync(AccountLinks.ResetPassword(attacker, code),
            new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.PasswordConfirm"] = NewPassword }, postTo: victimLink);

        Assert.Equal([LinkRefused], await AccountBrowser.ErrorsAsync(opened));
        Assert.Equal([LinkRefused], await AccountBrowser.ErrorsAsync(posted));
        Assert.True(AccountBrowser.SetsAuthCookie(await new AccountBrowser(app).SignInAsync(victim, AccountBrowser.Password)));
    }

    [Fact]
    public async Task A_too_short_new_password_keeps_the_link_usable()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();
        await ForgotAsync(browser, email);
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ResetPasswordPath);

        var refused = await ResetAsync(browser, link, "abc1");
        var reset = await ResetAsync(browser, link);

        Assert.Equal(["비밀번호는 8자 이상이어야 합니다."], await AccountBrowser.ErrorsAsync(refused));
        Assert.Equal("/account/login?reset=1", browser.RedirectTarget(reset));
    }

    private async Task<int> ResetMailsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Notifications.CountAsync(n => n.Kind == NotificationKind.PasswordReset, TestContext.Current.CancellationToken);
    }
}
