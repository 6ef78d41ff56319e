using Microsoft.Playwright;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>A student who forgot the password, in chromium at phone width, with the reset mail read from maildev.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        app.UseMailServer(MailServer.Shared.Smtp);
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Forgot_password_mail_link_sets_a_new_password_that_signs_in_and_the_link_is_refused_the_second_time()
    {
        var email = await new AccountBrowser(app).CreateUserAsync();
        var page = await browser.NewPageAsync(baseAddress);
        await page.SetViewportSizeAsync(390, 844);

        await page.OpenAsync("/account/login");
        await page.ClickAsync("[data-testid='go-forgot-password']");
        await page.WaitForAddressAsync(url => url.EndsWith("/account/forgot-password"));
        // Enhanced navigation moves the address before it swaps the page: the login form has an #email field too.
        await page.Locator("[data-testid='mail-request-submit']").WaitForAsync();
        await page.FillAsync("#email", email);
        await page.ClickAsync("[data-testid='mail-request-submit']");
        await Assertions.Expect(page.Locator("[data-testid='account-notice']")).ToContainTextAsync("비밀번호 재설정 링크를 보냈습니다");

        var mail = (await MailServer.Shared.WaitForAsync(email)).Single();
        var link = AccountMailbox.LinkIn(mail, AccountLinks.ResetPasswordPath);
        Assert.StartsWith(baseAddress.GetLeftPart(UriPartial.Authority), new Uri(System.Text.RegularExpressions.Regex.Match(mail.Text!, @"https?://\S+").Value).GetLeftPart(UriPartial.Authority));
        await page.OpenAsync(link);
        await page.FillAsync("#password", PasswordResetTests.NewPassword);
        await page.FillAsync("#password-confirm", PasswordResetTests.NewPassword);
        await page.ClickAsync("[data-testid='reset-submit']");
        await page.WaitForAddressAsync(url => url.Contains("/account/login?reset=1"));
        await Assertions.Expect(page.Locator("[data-testid='account-notice']")).ToContainTextAsync("비밀번호를 바꿨습니다");

        await page.FillAsync("#email", email);
        await page.FillAsync("#password", PasswordResetTests.NewPassword);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForAddressAsync(url => new Uri(url).AbsolutePath == "/");
        await page.WaitForInteractiveAsync();

        await page.OpenAsync(link);
        await Assertions.Expect(page.Locator("[data-testid='account-error']")).ToHaveTextAsync(PasswordResetTests.LinkRefused);
        await Assertions.Expect(page.Locator("[data-testid='ask-again']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#password").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
