using System.Net;
using System.Text;
using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Security;

/// <summary>/v1 has no antiforgery or Origin check, so it takes bearer tokens only: the sign-in cookie does nothing there.</summary>
public sealed class CookieOnApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_signed_in_browsers_cookie_does_not_authenticate_the_api()
    {
        var browser = new AccountBrowser(app);
        var signIn = await browser.SignInAsync(await browser.CreateUserAsync(), AccountBrowser.Password);
        // What a cross-site page can make the browser send without a preflight: a text/plain form post with the cookie.
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/v1/clubs/1/items/2/borrow")
        {
            Content = new StringContent("x", Encoding.UTF8, "text/plain"),
        };
        crossSite.Headers.Add("Origin", "https://evil.example");

        var profile = await browser.SendGetAsync("/v1/me/profile");
        var post = await browser.SendAsync(crossSite);
        var page = await browser.SendGetAsync("/me/profile");

        Assert.True(AccountBrowser.SetsAuthCookie(signIn));
        Assert.Equal(HttpStatusCode.Unauthorized, profile.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("Bearer", profile.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task The_api_still_signs_in_anonymously_and_honours_its_bearer_token()
    {
        var student = await app.SignUpAsync();

        var profile = await student.Client.GetAsync("/v1/me/profile", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }
}
