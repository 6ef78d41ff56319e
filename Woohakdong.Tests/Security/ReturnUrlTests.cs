using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Security;

/// <summary>
/// One rule for every returnUrl (sign-in, sign-out, language switch): a plain local path is followed, percent-encoded
/// for the Location header; anything else goes home, and never to another site or a 500.
/// </summary>
public sealed class ReturnUrlTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>returnUrl as it travels in the query (already percent-encoded) → the path the redirect must point to.</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "/%EC%82%AC%EC%A7%84", "/%EC%82%AC%EC%A7%84" },
        { "/me/profile?tab=2", "/me/profile?tab=2" },
        { "/%E2%80%AEx", "/" },
        { "/%09/evil.example", "/" },
        { "/%0d%0a/evil.example", "/" },
        { "//evil.example", "/" },
        { "/%5Cevil.example", "/" },
        { "/%252F%252Fevil.example", "/" },
        { "https://evil.example", "/" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_language_switch_follows_only_a_plain_local_path(string returnUrl, string expected)
    {
        var browser = new AccountBrowser(app);

        var response = await browser.SendGetAsync($"/culture/en?returnUrl={returnUrl}");

        AssertRedirectsTo(expected, browser, response);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sign_in_succeeds_and_follows_only_a_plain_local_path(string returnUrl, string expected)
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();

        var response = await browser.SignInAsync(email, AccountBrowser.Password, $"/account/login?returnUrl={returnUrl}");

        AssertRedirectsTo(expected, browser, response);
        Assert.True(AccountBrowser.SetsAuthCookie(response));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sign_out_follows_only_a_plain_local_path(string returnUrl, string expected)
    {
        var browser = new AccountBrowser(app);
        await browser.SignInAsync(await browser.CreateUserAsync(), AccountBrowser.Password);

        var response = await browser.SignOutAsync(Uri.UnescapeDataString(returnUrl));

        AssertRedirectsTo(expected, browser, response);
    }

    /// <summary>The in-process server does not check header values as Kestrel does (which answered 500): the Location must be ASCII.</summary>
    private static void AssertRedirectsTo(string expected, AccountBrowser browser, HttpResponseMessage response)
    {
        Assert.Equal(expected, browser.RedirectTarget(response));
        Assert.All(response.Headers.Location!.OriginalString, c => Assert.InRange(c, '\x21', '\x7e'));
    }
}
