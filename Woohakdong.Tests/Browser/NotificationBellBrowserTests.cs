using Microsoft.Playwright;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Browser;

/// <summary>The bell in chromium: its count follows notifications recorded for the signed-in user, and reading lowers it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBellBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_bell_counts_a_new_notification_live_and_reading_it_on_the_inbox_lowers_the_count()
    {
        var student = await app.SignUpAsync();
        var studentId = await app.Services.UserIdAsync(student.Email);
        await app.Services.RecordAsync(Inboxes.RoleChanged(studentId, "사진 동아리"));
        var page = await browser.NewPageAsync(baseAddress);
        await page.SignInAsync(student.Email, ApiAccounts.Password);
        await page.OpenInteractiveAsync("/me/clubs");
        var badge = page.Locator("[data-testid=notification-bell] .mud-badge");
        await Assertions.Expect(badge).ToHaveTextAsync("1");

        await app.Services.RecordAsync(NotificationDraft.PaymentCompleted(studentId, "산악회", 15_000, DateTimeOffset.UtcNow, "WHD-7"));

        await Assertions.Expect(badge).ToHaveTextAsync("2");
        await page.ClickAsync("[data-testid=notification-bell-link]");
        await page.WaitForAddressAsync(url => url.EndsWith("/me/notifications"));
        var newest = page.Locator("[data-testid=notification]").First;
        await Assertions.Expect(newest.Locator("[data-testid=notification-title]")).ToHaveTextAsync("산악회 회비 결제 완료");
        await newest.Locator("[data-testid=notification-open]").ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/me/payments"));
        await Assertions.Expect(badge).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task At_390_px_the_inbox_fits_the_screen_and_mark_all_read_hides_the_badge()
    {
        var student = await app.SignUpAsync();
        var studentId = await app.Services.UserIdAsync(student.Email);
        await app.Services.RecordAsync(
            NotificationDraft.RefundMade(studentId, "아주 긴 이름의 중앙 사진 예술 동아리", 150_000, "정원이 마감되어 가입을 받을 수 없었습니다", "WHD-20260302-0001"),
            Inboxes.RoleChanged(studentId, "사진 동아리"));
        var page = await browser.NewPageAsync(baseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(student.Email, ApiAccounts.Password);
        await page.OpenInteractiveAsync("/me/notifications");
        await Assertions.Expect(page.Locator("[data-testid=notification]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=notification-bell] .mud-badge")).ToHaveTextAsync("2");

        var widest = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.ClickAsync("[data-testid=notification-read-all]");

        Assert.True(widest <= 390, $"the page is {widest} px wide");
        await Assertions.Expect(page.Locator("[data-testid=notification][data-read=true]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=notification-bell] .mud-badge")).ToHaveCountAsync(0);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
