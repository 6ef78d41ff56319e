using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>Joining a free club in chromium: the seats-left count moves live, and a signed-in student joins with one click.</summary>
[Collection(Woohakdong.Tests.Browser.BrowserCollection.Name)]
public sealed partial class JoinClubBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly AppFactory app = new();
    private Uri baseAddress = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        baseAddress = app.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    /// <summary>A club whose current group is free and recruiting; returns its group id.</summary>
    private async Task<long> OpenFreeClubAsync(string englishName, int seatLimit)
    {
        var president = await app.SignUpAsync();
        var club = await president.CreateClubAsync(englishName);
        var join = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/clubs/{club.Id}/join", Ct);
        var groupId = join.GetProperty("groupId").GetInt64();
        var opened = await president.Client.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit, amount = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return groupId;
    }

    private async Task<ApiAccounts.SignedIn> StudentWithProfileAsync()
    {
        var student = await app.SignUpAsync();
        var profile = new { name = "이학생", school = "우학대학교", major = "경영학과", studentNumber = "20261234", phone = "010-2222-3333" };
        Assert.Equal(HttpStatusCode.OK, (await student.Client.PutAsJsonAsync("/v1/me/profile", profile, Ct)).StatusCode);
        return student;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [Fact]
    public async Task Seats_left_on_an_open_club_page_drops_when_another_student_joins_through_the_API()
    {
        var groupId = await OpenFreeClubAsync("climbing", seatLimit: 12);
        var page = await browser.NewPageAsync(baseAddress);
        await page.OpenAsync("/clubs/climbing");
        await page.WaitForInteractiveAsync();
        var seatsLeft = page.Locator("[data-testid='seats-left']");
        var before = int.Parse(Number().Match(await seatsLeft.InnerTextAsync()).Value);

        var student = await StudentWithProfileAsync();
        var joined = await student.Client.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);

        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        await Assertions.Expect(seatsLeft).ToContainTextAsync($"남은 자리 {before - 1}");
        Assert.Equal(12, before);
    }

    [Fact]
    public async Task A_visitor_signs_in_from_the_join_button_and_joins_with_one_click()
    {
        await OpenFreeClubAsync("chess", seatLimit: 20);
        var student = await StudentWithProfileAsync();
        var page = await browser.NewPageAsync(baseAddress);
        await page.OpenAsync("/clubs/chess");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("[data-testid='join-button']");
        await page.WaitForAddressAsync(url => url.Contains("/account/login"));
        await page.FillAsync("#email", student.Email);
        await page.FillAsync("#password", ApiAccounts.Password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForAddressAsync(url => url.EndsWith("/clubs/chess"));
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid='join-button']");

        await Assertions.Expect(page.Locator("[data-testid='join-result']")).ToContainTextAsync("가입되었습니다");
        await Assertions.Expect(page.Locator("[data-testid='seats-left']")).ToContainTextAsync("남은 자리 19");
        await Assertions.Expect(page.Locator("[data-testid='club-chat-link']")).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
