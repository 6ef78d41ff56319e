using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

public sealed class RegisterPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_signs_in_and_asks_to_complete_the_profile()
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail();

        var response = await browser.RegisterAsync(email, AccountBrowser.Password, name: "  김신입 ");
        var profile = await browser.GetAsync("/me/profile?welcome=1");

        Assert.Equal("/me/profile?welcome=1", browser.RedirectTarget(response));
        Assert.True(AccountBrowser.SetsAuthCookie(response));
        var user = await browser.FindUserAsync(email);
        Assert.Equal(("김신입", email), (user?.DisplayName, user?.UserName));
        Assert.NotNull(profile.QuerySelector("[data-testid=profile-welcome]"));
        Assert.NotNull(profile.QuerySelector("[data-testid=profile-incomplete]"));
    }

    [Theory]
    [InlineData("not-an-email", AccountBrowser.Password, AccountBrowser.Password, "이메일 형식이 올바르지 않습니다.")]
    [InlineData("{email}", "abcdefgh", "abcdefgh", "비밀번호에 숫자를 하나 이상 넣으세요.")]
    [InlineData("{email}", "abc1", "abc1", "비밀번호는 8자 이상이어야 합니다.")]
    [InlineData("{email}", "ABCDEFG1", "ABCDEFG1", "비밀번호에 영문 소문자를 하나 이상 넣으세요.")]
    [InlineData("{email}", AccountBrowser.Password, "woohakdong2", "비밀번호가 서로 다릅니다.")]
    public async Task Invalid_sign_up_is_refused_with_a_korean_message(string email, string password, string confirm, string expected)
    {
        var browser = new AccountBrowser(app);
        email = email.Replace("{email}", AccountBrowser.NewEmail());

        var response = await browser.RegisterAsync(email, password, passwordConfirm: confirm);

        Assert.Contains(expected, await AccountBrowser.ErrorsAsync(response));
        Assert.False(AccountBrowser.SetsAuthCookie(response));
        Assert.Null(await browser.FindUserAsync(email));
    }

    [Fact]
    public async Task Taken_email_is_refused_once_with_a_korean_message()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var response = await browser.RegisterAsync(email, AccountBrowser.Password);

        Assert.Equal(["이미 가입된 이메일입니다."], await AccountBrowser.ErrorsAsync(response));
    }

    [Theory]
    [InlineData("김\u001B신입")]
    [InlineData("김신입\u202Egnp")]
    [InlineData("김\r\n신입")]
    public async Task A_name_with_control_characters_is_refused_as_the_profile_refuses_it(string name)
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail();

        var response = await browser.RegisterAsync(email, AccountBrowser.Password, name: name);

        Assert.Equal(["쓸 수 없는 문자(제어 문자, 줄바꿈 또는 글자 방향을 바꾸는 문자)가 들어 있습니다. 지우고 다시 입력하세요."], await AccountBrowser.ErrorsAsync(response));
        Assert.False(AccountBrowser.SetsAuthCookie(response));
        Assert.Null(await browser.FindUserAsync(email));
    }
}
