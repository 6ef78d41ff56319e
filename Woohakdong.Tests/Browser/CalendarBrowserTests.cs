using Microsoft.Playwright;
using Woohakdong.Core.Calendar;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;
using IcalCalendar = Ical.Net.Calendar;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// 내 일정 on a phone (390 px) in chromium: the demo's student finds the exhibition they signed up for in next month's
/// day list (the grid is hidden at this width), makes a feed address, and a calendar app fetching it gets that event.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly DemoAppFactory app = new();
    private Uri baseAddress = null!;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_student_sees_a_signed_up_event_in_my_calendar_on_the_phone_and_its_feed_serves_it()
    {
        var page = await browser.NewPageAsync(baseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(DemoData.StudentEmail, DemoData.Password);
        await page.ClickAsync("[data-testid=app-menu-button]");
        await page.Locator("[data-testid=app-drawer]").GetByRole(AriaRole.Link, new() { Name = "내 일정" }).ClickAsync();
        await page.WaitForAddressAsync(url => url.EndsWith("/me/calendar"));
        await Assertions.Expect(page.Locator("[data-testid=my-calendar-title]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=calendar-next]");
        await page.WaitForAddressAsync(url => url.Contains("/me/calendar?month="));
        var exhibition = page.Locator("[data-testid=calendar-list] [data-testid=calendar-event]", new() { HasTextString = "사진부 정기 전시회" });
        await Assertions.Expect(exhibition).ToBeVisibleAsync();
        await Assertions.Expect(exhibition).ToContainTextAsync("신청함");
        await Assertions.Expect(exhibition).ToContainTextAsync("우학동 사진부");
        await Assertions.Expect(page.Locator("[data-testid=calendar-grid]")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the calendar is wider than the phone");
        var eventId = long.Parse((await exhibition.GetAttributeAsync("data-event-id"))!);

        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=feed-create]");
        var feedField = page.Locator("input[data-testid=feed-url]");
        await Assertions.Expect(feedField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[A-Za-z0-9_-]{43}\.ics$"));
        var url = await feedField.InputValueAsync();

        using var calendarApp = new HttpClient();
        using var answer = await calendarApp.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal("text/calendar", answer.Content.Headers.ContentType?.MediaType);
        var feed = IcalCalendar.Load(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var vevent = Assert.Single(feed.Events, e => e.Uid == IcsDocument.Uid(eventId));
        Assert.Equal(("사진부 정기 전시회", "학생회관 1층 로비", 12), (vevent.Summary, vevent.Location, vevent.DtStart!.Value.Hour));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
