using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>
/// Drives the static account forms over HTTP like a browser without JavaScript: keeps cookies, does not follow
/// redirects, and posts a form back with the hidden antiforgery and <c>_handler</c> fields the page rendered.
/// </summary>
public sealed class AccountBrowser(AppFactoryBase app)
{
    public const string AuthCookie = ".AspNetCore.Identity.Application";
    public const string Password = "woohakdong1";

    private static readonly HtmlParser Parser = new();
    private readonly HttpClient client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string NewEmail() => $"student-{Guid.NewGuid():N}@woohakdong.kr";

    public Task<HttpResponseMessage> SendGetAsync(string path) => client.GetAsync(path, Cancel);

    /// <summary>Any request, with this browser's cookies (e.g. a cross-site form post a page could make it send).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request, Cancel);

    public async Task<IHtmlDocument> GetAsync(string path)
    {
        var response = await SendGetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>
    /// Loads <paramref name="path"/>, fills the form matching <paramref name="formSelector"/> and submits it (to
    /// <paramref name="postTo"/> instead of the form's own target, e.g. an altered link).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(
        string path, IReadOnlyDictionary<string, string> fields, string formSelector = "form[method=post]", string? postTo = null)
    {
        var page = await GetAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No {formSelector} on {path}");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields) values[name] = value;
        return await client.PostAsync(postTo ?? form.GetAttribute("action") ?? path, new FormUrlEncodedContent(values), Cancel);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password, string path = "/account/login") =>
        SubmitAsync(path, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public Task<HttpResponseMessage> RegisterAsync(string email, string password, string name = "김신입", string? passwordConfirm = null) =>
        SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.PasswordConfirm"] = passwordConfirm ?? password, ["Input.Name"] = name,
        });

    public Task<HttpResponseMessage> SignOutAsync(string returnUrl = "/") =>
        SubmitAsync("/", new Dictionary<string, string> { ["returnUrl"] = returnUrl }, "form[action='/account/logout']");

    /// <summary>Creates an account directly, for tests about signing in rather than signing up.</summary>
    public async Task<string> CreateUserAsync()
    {
        var email = NewEmail();
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "김학생" }, Password);
        Assert.True(result.Succeeded);
        return email;
    }

    public async Task<AppUser?> FindUserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    /// <summary>Where a redirect points, as a path of this site; fails when it points elsewhere.</summary>
    public string RedirectTarget(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal(client.BaseAddress!.Authority, target.Authority);
        return target.PathAndQuery;
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync(Cancel));

    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(cookie => cookie.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && !cookie.StartsWith(AuthCookie + "=;", StringComparison.Ordinal));

    /// <summary>The texts of the error alerts and validation messages of an answered form.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        return page.QuerySelectorAll("[data-testid=account-error], .validation-message").Select(e => e.TextContent.Trim()).ToList();
    }
}
