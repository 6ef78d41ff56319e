using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// An event from the dashboard to the door: an officer creates and publishes it, a member signs up on a phone and shows
/// the ticket's QR code, and the officer opens the code's check-in address and confirms.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventCheckInBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppFactory app = new();
    private Uri baseAddress = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task An_officer_creates_an_event_a_member_shows_the_qr_at_390_px_and_the_officer_checks_them_in()
    {
        var president = await app.StudentAsync("김회장");
        var club = await president.CreateClubAsync("outdoor");
        var member = await app.StudentAsync("박회원");
        await app.GrantRoleAsync(member, club.Id, ClubRole.Member);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.ToKst().Date.AddDays(7).AddHours(19), KoreanTime.Offset);

        var officer = await browser.NewPageAsync(baseAddress);
        await officer.SignInAsync(president.Email, ApiAccounts.Password);
        await officer.OpenInteractiveAsync("/clubs/outdoor/admin?tab=events");
        await officer.ClickAsync("[data-testid='event-new']");
        await officer.FillAsync("#event-title", "정기 산행");
        await officer.FillAsync("#event-place", "북한산 우이역");
        await officer.FillAsync("#event-starts", start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await officer.FillAsync("#event-ends", start.AddHours(4).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await officer.FillAsync("#event-capacity", "15");
        await officer.ClickAsync("[data-testid='event-save']");
        await Assertions.Expect(officer.Locator("[data-testid='event-row-fill']")).ToHaveTextAsync("0 / 15");
        await officer.ClickAsync("[data-testid='event-publish']");
        await Assertions.Expect(officer.Locator("[data-testid='event-row-status']")).ToHaveTextAsync("공개");
        var eventId = (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/v1/clubs/{club.Id}/events", Ct))[0].GetProperty("eventId").GetInt64();

        var phone = await browser.NewPageAsync(baseAddress);
        await phone.SetViewportSizeAsync(390, 844);
        await phone.SignInAsync(member.Email, ApiAccounts.Password);
        await phone.OpenInteractiveAsync($"/events/{eventId}");
        await phone.ClickAsync("[data-testid='event-signup']");
        await Assertions.Expect(phone.Locator("[data-testid='signup-status']")).ToHaveTextAsync("신청 확정");
        await phone.ClickAsync("[data-testid='see-ticket']");
        var qr = phone.Locator("[data-testid='ticket-qr']");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR code did not load");
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "my tickets are wider than the phone");
        var checkInUrl = await qr.GetAttributeAsync("data-url");
        Assert.StartsWith(new Uri(baseAddress, $"/checkin/{eventId}/").ToString(), checkInUrl);

        await officer.OpenInteractiveAsync(checkInUrl!);
        await Assertions.Expect(officer.Locator("[data-testid='checkin-name']")).ToHaveTextAsync("박회원");
        await officer.ClickAsync("[data-testid='checkin-confirm']");
        await Assertions.Expect(officer.Locator("[data-testid='checkin-done']")).ToContainTextAsync("박회원 님 출석을 확인했습니다.");

        await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("[data-testid='my-event-checked-in']")).ToBeVisibleAsync();
    }
}
