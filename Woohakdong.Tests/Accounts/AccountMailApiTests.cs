using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>Identity's /v1/auth mail endpoints, now sending through the outbox to maildev; their links open the account pages.</summary>
public sealed class AccountMailApiTests(MailingAppFactory app) : IClassFixture<MailingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> RegisterAsync()
    {
        var email = AccountBrowser.NewEmail();
        var registered = await app.CreateClient().PostAsJsonAsync("/v1/auth/register", new { email, password = ApiAccounts.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return email;
    }

    /// <summary>Registers through /v1 and follows the confirmation mail's link (the confirm page).</summary>
    private async Task<string> RegisterConfirmedAsync()
    {
        var email = await RegisterAsync();
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ConfirmEmailPath);
        Assert.Contains("이메일 인증을 마쳤습니다.", await (await app.CreateClient().GetAsync(link, Ct)).Content.ReadAsStringAsync(Ct));
        return email;
    }

    private Task<HttpResponseMessage> PostAsync(string path, object body) => app.CreateClient().PostAsJsonAsync(path, body, Ct);

    [Fact]
    public async Task Registering_mails_a_korean_confirmation_whose_link_confirms_the_address()
    {
        var email = await RegisterAsync();
        var mail = (await MailServer.Shared.WaitForAsync(email)).Single();
        var link = AccountMailbox.LinkIn(mail, AccountLinks.ConfirmEmailPath);

        var page = await app.CreateClient().GetStringAsync(link, Ct);

        Assert.Equal("[우학동] 이메일 주소 확인", mail.Subject);
        Assert.Contains("이메일 인증을 마쳤습니다.", page);
        Assert.True((await new AccountBrowser(app).FindUserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Forgot_password_mails_a_confirmed_address_a_code_that_v1_reset_password_takes_and_old_tokens_die()
    {
        var email = await RegisterConfirmedAsync();
        var before = await app.SignInAsync(email);

        var forgot = await PostAsync("/v1/auth/forgotPassword", new { email });
        var mail = (await MailServer.Shared.WaitForAsync(email, 2))[1];
        var code = AccountMailbox.Query(AccountMailbox.LinkIn(mail, AccountLinks.ResetPasswordPath), "code");
        var reset = await PostAsync("/v1/auth/resetPassword", new { email, resetCode = code, newPassword = PasswordResetTests.NewPassword });
        var reused = await PostAsync("/v1/auth/resetPassword", new { email, resetCode = code, newPassword = "thirdpassword3" });
        var login = await PostAsync("/v1/auth/login", new { email, password = PasswordResetTests.NewPassword });

        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        Assert.Equal("[우학동] 비밀번호 재설정", mail.Subject);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        // The token issued before the reset carries the old security stamp.
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.Client.GetAsync("/v1/me/profile", Ct)).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_or_unconfirmed_address_answers_200_and_mails_nothing()
    {
        var unknown = AccountBrowser.NewEmail();
        var unconfirmed = await RegisterAsync();
        await MailServer.Shared.WaitForAsync(unconfirmed);
        var known = await RegisterConfirmedAsync();

        var answers = new[]
        {
            await PostAsync("/v1/auth/forgotPassword", new { email = unknown }),
            await PostAsync("/v1/auth/forgotPassword", new { email = unconfirmed }),
            await PostAsync("/v1/auth/forgotPassword", new { email = known }),
        };
        // Mails leave in the order they were recorded: once the known address has its reset mail, any other would be there.
        await MailServer.Shared.WaitForAsync(known, 2);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(
            [await answers[0].Content.ReadAsStringAsync(Ct)],
            (await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync(Ct)))).Distinct());
        Assert.Empty(await MailServer.Shared.ToAsync(unknown));
        Assert.Single(await MailServer.Shared.ToAsync(unconfirmed));
    }

    [Fact]
    public async Task Resend_confirmation_mails_a_new_link_that_confirms()
    {
        var email = await RegisterAsync();
        await MailServer.Shared.WaitForAsync(email);

        var resent = await PostAsync("/v1/auth/resendConfirmationEmail", new { email });
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ConfirmEmailPath, nth: 2);
        var page = await app.CreateClient().GetStringAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Contains("이메일 인증을 마쳤습니다.", page);
        Assert.True((await new AccountBrowser(app).FindUserAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_new_email_from_manage_info_changes_the_address_only_when_its_link_is_followed()
    {
        var email = await RegisterAsync();
        var signedIn = await app.SignInAsync(email);
        var newEmail = AccountBrowser.NewEmail();

        var asked = await signedIn.Client.PostAsJsonAsync("/v1/auth/manage/info", new { newEmail }, Ct);
        var mail = (await MailServer.Shared.WaitForAsync(newEmail)).Single();
        var unchanged = (await new AccountBrowser(app).FindUserAsync(email))?.Email;
        var page = await app.CreateClient().GetStringAsync(AccountMailbox.LinkIn(mail, AccountLinks.ConfirmEmailChangePath), Ct);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("[우학동] 새 이메일 주소 확인", mail.Subject);
        Assert.Equal(email, unchanged);
        Assert.Contains($"이메일을 {newEmail}(으)로 바꿨습니다.", page);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("/v1/auth/login", new { email = newEmail, password = ApiAccounts.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync("/v1/auth/login", new { email, password = ApiAccounts.Password })).StatusCode);
    }

    [Fact]
    public async Task A_tampered_reset_code_is_a_400_problem()
    {
        var email = await RegisterConfirmedAsync();
        await PostAsync("/v1/auth/forgotPassword", new { email });
        var code = AccountMailbox.Query(await AccountMailbox.LinkAsync(email, AccountLinks.ResetPasswordPath, nth: 2), "code");

        var response = await PostAsync("/v1/auth/resetPassword", new { email, resetCode = code[..^2] + "xx", newPassword = PasswordResetTests.NewPassword });

        Assert.NotNull(await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }
}
