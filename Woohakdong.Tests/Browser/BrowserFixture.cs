using System.Collections.Concurrent;
using System.Reflection;
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

    public async ValueTask InitializeAsync()
    {
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

    /// <summary>A fresh browser context (own cookies) whose pages wait at most 30 s for an element or a navigation.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "ko-KR" });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(ReportViolations);
        var violations = ViolationsByTest.GetOrAdd(TestContext.Current.Test?.UniqueID ?? "", _ => new());
        context.Console += (_, message) =>
        {
            // Chromium's own report ("… violates the following Content Security Policy directive …") and the script's.
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
                violations.Enqueue(message.Text);
        };
        return await context.NewPageAsync();
    }

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

public static class PageExtensions
{
    /// <summary>Clicks made before the Blazor circuit is connected are lost; InteractiveMarker sets this attribute.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("body[data-interactive='true']").WaitForAsync();
}
