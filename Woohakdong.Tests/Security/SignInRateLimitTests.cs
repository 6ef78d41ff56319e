using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Web.Hosting;
using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Security;

/// <summary>The app with a small per-account limit (3 attempts an hour) and the per-client limit lifted.</summary>
public sealed class AccountLimitedApp() : SignInLimitedApp(perClient: 1_000_000, perAccount: 3);

/// <summary>The app with a small per-client limit (3 attempts an hour) and the per-account limit lifted.</summary>
public sealed class ClientLimitedApp() : SignInLimitedApp(perClient: 3, perAccount: 1_000_000);

public abstract class SignInLimitedApp : IAsyncLifetime
{
    protected SignInLimitedApp(int perClient, int perAccount)
    {
        App.Settings["SignInLimits:PerClient:PermitLimit"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["SignInLimits:PerClient:Window"] = "01:00:00";
        App.Settings["SignInLimits:PerAccount:PermitLimit"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        App.Settings["SignInLimits:PerAccount:Window"] = "01:00:00";
    }

    public AppFactory App { get; } = new();
    public ValueTask InitializeAsync() => App.InitializeAsync();
    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class PerAccountSignInLimitTests(AccountLimitedApp limited) : IClassFixture<AccountLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fourth_api_sign_in_to_one_account_within_the_window_gets_429_with_retry_after_whatever_the_email_case()
    {
        var browser = new AccountBrowser(limited.App);
        var email = await browser.CreateUserAsync();
        var other = await browser.CreateUserAsync();
        var api = limited.App.CreateClient();

        var attempts = new List<HttpStatusCode>();
        foreach (var asTyped in new[] { email, email.ToUpperInvariant(), $" {email} " })
            attempts.Add((await api.PostAsJsonAsync("/v1/auth/login", new { email = asTyped, password = "wrong-password1" }, Ct)).StatusCode);
        var fourth = await api.PostAsJsonAsync("/v1/auth/login", new { email, password = AccountBrowser.Password }, Ct);
        var otherAccount = await api.PostAsJsonAsync("/v1/auth/login", new { email = other, password = AccountBrowser.Password }, Ct);

        Assert.All(attempts, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.InRange(fourth.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_answers_429_with_a_korean_message_and_signs_nobody_in()
    {
        var browser = new AccountBrowser(limited.App);
        var email = await browser.CreateUserAsync();

        for (var attempt = 0; attempt < 3; attempt++) await browser.SignInAsync(email, "wrong-password1");
        var rightPassword = await browser.SignInAsync(email, AccountBrowser.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, rightPassword.StatusCode);
        Assert.NotNull(rightPassword.Headers.RetryAfter?.Delta);
        Assert.False(AccountBrowser.SetsAuthCookie(rightPassword));
        var page = await AccountBrowser.ParseAsync(rightPassword);
        Assert.Equal(["로그인 시도가 너무 많습니다. 60분 후 다시 시도하세요."],
            page.QuerySelectorAll("[data-testid=account-error]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Sign_up_and_forgotten_password_count_against_the_account_too()
    {
        var email = AccountBrowser.NewEmail();
        var api = limited.App.CreateClient();

        var register = await api.PostAsJsonAsync("/v1/auth/register", new { email, password = AccountBrowser.Password }, Ct);
        var forgot = await api.PostAsJsonAsync("/v1/auth/forgotPassword", new { email }, Ct);
        var again = await api.PostAsJsonAsync("/v1/auth/register", new { email, password = AccountBrowser.Password }, Ct);
        var fourth = await api.PostAsJsonAsync("/v1/auth/forgotPassword", new { email }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest), (register.StatusCode, forgot.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
    }
    [Fact]
    public async Task The_sign_up_page_counts_against_the_account_and_answers_429_with_a_korean_message()
    {
        var browser = new AccountBrowser(limited.App);
        var email = AccountBrowser.NewEmail();

        for (var attempt = 0; attempt < 3; attempt++) await browser.RegisterAsync(email, "short");
        var fourth = await browser.RegisterAsync(email, AccountBrowser.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter?.Delta);
        var page = await AccountBrowser.ParseAsync(fourth);
        Assert.Equal(["로그인 시도가 너무 많습니다. 60분 후 다시 시도하세요."],
            page.QuerySelectorAll("[data-testid=account-error]").Select(e => e.TextContent.Trim()));
        Assert.Null(await browser.FindUserAsync(email));
    }
}

public sealed class PerClientSignInLimitTests(ClientLimitedApp limited) : IClassFixture<ClientLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_trying_many_accounts_gets_429_on_the_api_and_the_page_alike()
    {
        var api = limited.App.CreateClient();
        var browser = new AccountBrowser(limited.App);

        var attempts = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            attempts.Add((await api.PostAsJsonAsync("/v1/auth/login", new { email = AccountBrowser.NewEmail(), password = "guess-password1" }, Ct)).StatusCode);
        var api4 = await api.PostAsJsonAsync("/v1/auth/login", new { email = AccountBrowser.NewEmail(), password = "guess-password1" }, Ct);
        var page = await browser.SignInAsync(AccountBrowser.NewEmail(), "guess-password1");

        Assert.All(attempts, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, api4.StatusCode);
        Assert.NotNull(api4.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }
}

/// <summary>The limits are settings, checked when the app starts.</summary>
public sealed class SignInLimitSettingsTests
{
    [Theory]
    [InlineData("SignInLimits:PerAccount:PermitLimit", "0")]
    [InlineData("SignInLimits:PerClient:Window", "00:00:00")]
    public void A_limit_that_allows_nothing_is_refused_with_a_message_naming_it(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSignInRateLimits(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SignInLimitOptions>>().Value);

        Assert.Contains("SignInLimits:PerClient and SignInLimits:PerAccount", failure.Message);
    }
}

/// <summary>A locked-out account is answered exactly like a wrong password on the API too.</summary>
public sealed class LockedOutAnswerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locked_account_gets_the_wrong_password_answer_even_for_the_right_password()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();
        var api = app.CreateClient();

        var wrong = await api.PostAsJsonAsync("/v1/auth/login", new { email, password = "wrong-password1" }, Ct);
        var wrongBody = await wrong.Content.ReadAsStringAsync(Ct);
        for (var attempt = 0; attempt < 4; attempt++) await api.PostAsJsonAsync("/v1/auth/login", new { email, password = "wrong-password1" }, Ct);
        var locked = await api.PostAsJsonAsync("/v1/auth/login", new { email, password = AccountBrowser.Password }, Ct);

        Assert.True((await browser.FindUserAsync(email))!.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(WithoutTraceId(wrongBody), WithoutTraceId(await locked.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(ErrorCodes.Unauthorized, JsonDocument.Parse(wrongBody).RootElement.GetProperty("code").GetString());
    }

    /// <summary>The answer's fields, except the trace id that differs per request.</summary>
    private static string WithoutTraceId(string body) => string.Join(",", JsonDocument.Parse(body).RootElement.EnumerateObject()
        .Where(property => property.Name != "traceId").Select(property => $"{property.Name}={property.Value.GetRawText()}"));
}
