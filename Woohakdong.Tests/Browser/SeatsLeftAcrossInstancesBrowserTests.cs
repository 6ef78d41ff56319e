using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Browser;

/// <summary>
/// Two app instances on real ports sharing one PostgreSQL database and Redis, as behind the load balancer: a page open on
/// instance A hears, through Redis pub/sub, a join that instance B decided.
/// </summary>
[Collection(Woohakdong.Tests.Browser.BrowserCollection.Name)]
public sealed class SeatsLeftAcrossInstancesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly PostgresAppFactory instanceA = new();
    private readonly PostgresAppFactory instanceB = new();
    private Uri addressA = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        instanceA.Settings["Redis:Configuration"] = TestServices.Redis;
        addressA = instanceA.StartOnRealPort();
        instanceB.Settings["Redis:Configuration"] = TestServices.Redis;
        instanceB.Settings["Database:ConnectionString"] =
            instanceA.Services.GetRequiredService<IConfiguration>()["Database:ConnectionString"];
        instanceB.StartOnRealPort();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_join_decided_on_instance_B_updates_seats_left_on_a_page_served_by_instance_A()
    {
        var president = await instanceA.SignUpAsync();
        var club = await president.CreateClubAsync("rowing");
        var groupId = (await president.Client.GetFromJsonAsync<JsonElement>($"/v1/clubs/{club.Id}/join", Ct)).GetProperty("groupId").GetInt64();
        var opened = await president.Client.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 8, amount = 0 }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var page = await browser.NewPageAsync(addressA);
        await page.OpenAsync("/clubs/rowing");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid='seats-left']")).ToContainTextAsync("남은 자리 8");

        var student = await instanceB.SignUpAsync();
        var profile = new { name = "최학생", school = "우학대학교", major = "체육학과", studentNumber = "20265678", phone = "010-4444-5555" };
        Assert.Equal(HttpStatusCode.OK, (await student.Client.PutAsJsonAsync("/v1/me/profile", profile, Ct)).StatusCode);
        var joined = await student.Client.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);

        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        await Assertions.Expect(page.Locator("[data-testid='seats-left']")).ToContainTextAsync("남은 자리 7");
    }

    public async ValueTask DisposeAsync()
    {
        // B borrows A's database: stop it before A drops that database.
        await instanceB.DisposeAsync();
        await instanceA.DisposeAsync();
    }
}
