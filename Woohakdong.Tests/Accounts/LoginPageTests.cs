using System.Net;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

public sealed class LoginPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string WrongCredentials = "이메일 또는 비밀번호가 올바르지 않습니다.";

    [Fact]
    public async Task Signed_out_user_is_sent_to_sign_in_and_back_to_the_page_asked_for()
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail();
        await browser.RegisterAsync(email, AccountBrowser.Password);

        var signOut = await browser.SignOutAsync();
        var loginPage = browser.RedirectTarget(await browser.SendGetAsync("/me/profile"));
        var signIn = await browser.SignInAsync(email, AccountBrowser.Password, loginPage);

        Assert.Equal("/", browser.RedirectTarget(signOut));
        Assert.StartsWith("/account/login?", loginPage);
        Assert.Equal("/me/profile", browser.RedirectTarget(signIn));
        Assert.True(AccountBrowser.SetsAuthCookie(signIn));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendGetAsync("/me/profile")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_shows_the_korean_error_and_signs_nobody_in()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var response = await browser.SignInAsync(email, "wrong-password1");

        Assert.False(AccountBrowser.SetsAuthCookie(response));
        Assert.Equal([WrongCredentials], await AccountBrowser.ErrorsAsync(response));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_without_saying_so()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var errors = new List<IReadOnlyList<string>>();
        for (var attempt = 0; attempt < 5; attempt++)
            errors.Add(await AccountBrowser.ErrorsAsync(await browser.SignInAsync(email, "wrong-password1")));
        var rightPassword = await browser.SignInAsync(email, AccountBrowser.Password);

        // Locked, but answered like a wrong password: the page must not tell that the address has an account.
        Assert.All(errors, e => Assert.Equal([WrongCredentials], e));
        Assert.False(AccountBrowser.SetsAuthCookie(rightPassword));
        Assert.Equal([WrongCredentials], await AccountBrowser.ErrorsAsync(rightPassword));
        Assert.True((await browser.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Empty_form_asks_for_email_and_password()
    {
        var response = await new AccountBrowser(app).SignInAsync("", "");

        Assert.Equal(["이메일을 입력하세요.", "비밀번호를 입력하세요."], await AccountBrowser.ErrorsAsync(response));
    }

    [Theory]
    [InlineData("https://evil.example", "/")]
    [InlineData("//evil.example/path", "/")]
    [InlineData("/me/profile", "/me/profile")]
    public async Task Return_url_is_followed_only_within_the_site(string returnUrl, string expectedLocation)
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var response = await browser.SignInAsync(email, AccountBrowser.Password, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(expectedLocation, browser.RedirectTarget(response));
    }
}
