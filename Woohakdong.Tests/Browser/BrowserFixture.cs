using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Woohakdong.Tests.Browser;
using Woohakdong.Tests.Infrastructure;
using Xunit.Sdk;
using Xunit.v3;

[assembly: FailOnPolicyViolations]

namespace Woohakdong.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download), shared by a test class. Every page it opens reports
/// Content-Security-Policy violations (in any frame) to the console, recorded for the test that opened the page; a
/// test with one fails (<see cref="FailOnPolicyViolationsAttribute"/>), so every browser test also proves that the
/// pages work under the app's policy.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Runs in every frame before its scripts (injected by the browser, so the policy does not apply to it).
    private const string ReportViolations = """
        document.addEventListener("securitypolicyviolation", e =>
          console.error(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI} in ${e.documentURI}`));
        """;

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ViolationsByTest = new();

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    private static readonly float WaitLimit = (float)Eventually.Limit.TotalMilliseconds;

    public async ValueTask InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(WaitLimit);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestServices.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies). Its pages wait for elements, addresses and assertions up to
    /// <see cref="Eventually.Limit"/>: a generous bound that only turns a hang into a failure on a loaded machine.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "ko-KR" });
        context.SetDefaultTimeout(WaitLimit);
        await context.AddInitScriptAsync(ReportViolations);
        var violations = ViolationsByTest.GetOrAdd(TestContext.Current.Test?.UniqueID ?? "", _ => new());
        context.Console += (_, message) =>
        {
            var kept = Consoles.GetOrCreateValue(message.Page ?? (object)context);
            kept.Enqueue($"{message.Type}: {message.Text}");
            while (kept.Count > 20) kept.TryDequeue(out string? _);
            // Chromium's own report ("… violates the following Content Security Policy directive …") and the script's.
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue(message.Text);
        };
        return await context.NewPageAsync();
    }

    // The last console lines of each page, for the message of a wait that timed out.
    private static readonly ConditionalWeakTable<object, ConcurrentQueue<string>> Consoles = new();

    public static IReadOnlyList<string> ConsoleOf(IPage page) => Consoles.TryGetValue(page, out var kept) ? [.. kept] : [];

    /// <summary>The Content-Security-Policy violations the pages of this test met, forgotten once taken.</summary>
    public static IReadOnlyList<string> TakeViolations(string testId) =>
        ViolationsByTest.TryRemove(testId, out var violations) ? [.. violations] : [];

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

/// <summary>Fails a test whose browser pages met a Content-Security-Policy violation (see <see cref="BrowserFixture"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnPolicyViolationsAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var violations = BrowserFixture.TakeViolations(test.UniqueID);
        if (violations.Count > 0)
            throw new XunitException($"The pages broke the Content-Security-Policy:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}

/// <summary>
/// Navigation that waits for a state, never for a load event: a page counts as there once its address is committed;
/// what the test needs next (an element, the circuit) is waited for by the locator or <see cref="WaitForInteractiveAsync"/>.
/// </summary>
public static class PageExtensions
{
    public static Task<IResponse?> OpenAsync(this IPage page, string path) =>
        page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });

    public static Task WaitForAddressAsync(this IPage page, Func<string, bool> address) =>
        page.ExplainTimeoutAsync("the address", () => CommittedAsync(page, address));

    public static Task WaitForAddressAsync(this IPage page, System.Text.RegularExpressions.Regex address) =>
        page.ExplainTimeoutAsync($"an address like {address}", () => CommittedAsync(page, address.IsMatch));

    /// <summary>
    /// Listens for the main frame's navigations before looking at its address. Playwright's WaitForURLAsync looks first
    /// and listens after, so a navigation committed in between (a redirect landing while the client was busy) was
    /// missed and the wait hung with the page already at the address.
    /// </summary>
    private static async Task CommittedAsync(IPage page, Func<string, bool> address)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame && address(frame.Url)) arrived.TrySetResult();
        }
        page.FrameNavigated += OnNavigated;
        try
        {
            if (address(page.Url)) return;
            await arrived.Task.WaitAsync(Eventually.Limit);
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }
    }

    /// <summary>Opens the page and waits for its circuit, so the test's next click is not lost.</summary>
    public static async Task OpenInteractiveAsync(this IPage page, string path)
    {
        await page.OpenAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Signs in through the login page; the page the sign-in leads to has its circuit before the test moves on (no
    /// navigation overlaps its start).
    /// </summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.OpenAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForAddressAsync(url => !url.Contains("/account/login"));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Clicks made before the Blazor circuit is connected are lost; InteractiveMarker sets this attribute.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.ExplainTimeoutAsync("the circuit", () => page.Locator("body[data-interactive='true']").WaitForAsync());

    /// <summary>
    /// A wait that timed out says what the page showed then: its address, its alerts and field errors, whether Blazor
    /// was reconnecting, its text and its console, since a hang on a loaded CI machine is seen only once.
    /// </summary>
    private static async Task ExplainTimeoutAsync(this IPage page, string waitedFor, Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException timeout)
        {
            string shown;
            try
            {
                var alerts = await page.Locator(".mud-alert, .mud-input-error, .mud-snackbar, #components-reconnect-modal").AllInnerTextsAsync();
                var text = await page.EvaluateAsync<string>("() => document.body ? document.body.innerText.slice(0, 1500) : ''");
                var interactive = await page.EvaluateAsync<string?>("() => document.body && document.body.getAttribute('data-interactive')");
                shown = $"address {page.Url}; interactive={interactive ?? "no"}; alerts [{string.Join(" | ", alerts)}]; text: {text}";
            }
            catch (PlaywrightException unreadable)
            {
                shown = $"address {page.Url}; the page could not be read: {unreadable.Message}";
            }
            throw new TimeoutException($"Waited for {waitedFor} in vain. The page: {shown}. Console: {string.Join(" | ", BrowserFixture.ConsoleOf(page))}", timeout);
        }
    }
}
