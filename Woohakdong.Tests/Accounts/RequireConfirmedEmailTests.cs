using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>With <c>Accounts:RequireConfirmedEmail</c> on, an account signs in only once its address is confirmed.</summary>
public sealed class RequireConfirmedEmailTests : IAsyncLifetime
{
    private const string NotConfirmed = "이메일 인증을 마쳐야 로그인할 수 있습니다. 가입할 때 받은 메일의 링크를 눌러 주세요.";
    private readonly MailingAppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Settings["Accounts:RequireConfirmedEmail"] = "true";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Sign_up_mails_a_confirmation_and_sign_in_waits_for_it_telling_only_the_right_password_why()
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail();

        var registered = await browser.RegisterAsync(email, AccountBrowser.Password);
        var rightPassword = await browser.SignInAsync(email, AccountBrowser.Password);
        var wrongPassword = await browser.SignInAsync(email, "wrong-password1");
        var api = await app.CreateClient().PostAsJsonAsync("/v1/auth/login", new { email, password = AccountBrowser.Password }, TestContext.Current.CancellationToken);
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ConfirmEmailPath);
        await browser.GetAsync(link);
        var confirmed = await browser.SignInAsync(email, AccountBrowser.Password);

        Assert.False(AccountBrowser.SetsAuthCookie(registered));
        Assert.Contains($"{email}(으)로 인증 메일을 보냈습니다.", await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([NotConfirmed], await AccountBrowser.ErrorsAsync(rightPassword));
        Assert.Equal(["이메일 또는 비밀번호가 올바르지 않습니다."], await AccountBrowser.ErrorsAsync(wrongPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.True(AccountBrowser.SetsAuthCookie(confirmed));
    }

    [Fact]
    public async Task The_resend_link_on_the_refused_sign_in_mails_a_new_confirmation()
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail();
        await browser.RegisterAsync(email, AccountBrowser.Password);
        await MailServer.Shared.WaitForAsync(email);

        var refused = await AccountBrowser.ParseAsync(await browser.SignInAsync(email, AccountBrowser.Password));
        var resendPage = refused.QuerySelector("[data-testid=resend-confirmation]")!.GetAttribute("href")!;
        var prefilled = (await browser.GetAsync(resendPage)).QuerySelector("#email")!.GetAttribute("value");
        var resent = await browser.SubmitAsync(resendPage, new Dictionary<string, string> { ["Input.Email"] = prefilled! });
        var link = await AccountMailbox.LinkAsync(email, AccountLinks.ConfirmEmailPath, nth: 2);
        await browser.GetAsync(link);

        Assert.Equal(email, prefilled);
        Assert.Contains($"{email}(으)로 가입하고 아직 인증하지 않은 계정이 있다면", await resent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True((await browser.FindUserAsync(email))!.EmailConfirmed);
    }
}
