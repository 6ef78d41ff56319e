using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs.Pages;

/// <summary>What a browser gets from the prerendered pages over plain HTTP: the not-found page, the dashboard's tab.</summary>
public sealed class PageHttpTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_route_renders_the_apps_not_found_page_with_status_404()
    {
        var response = await app.CreateClient().GetAsync("/some/random/page", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await AccountBrowser.ParseAsync(response);
        Assert.Equal("페이지를 찾을 수 없습니다", page.QuerySelector("h4, .mud-typography-h4")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-testid=app-bar]"));
    }

    [Fact]
    public async Task An_unknown_v1_route_gets_no_html_page()
    {
        var response = await app.CreateClient().GetAsync("/v1/some/random/route", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_refusal_other_than_a_missing_page_keeps_its_own_status()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var wrongMethod = await client.PostAsync("/culture/en", content: null, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }

    [Fact]
    public async Task Pages_link_the_favicon_the_site_serves()
    {
        var client = app.CreateClient();
        var page = await AccountBrowser.ParseAsync(await client.GetAsync("/clubs", Ct));
        var href = page.QuerySelector("link[rel=icon]")?.GetAttribute("href");
        Assert.NotNull(href);

        var icon = await client.GetAsync(href, Ct);

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("payments", "결제 내역")]
    [InlineData("roster", "회원 명부")]
    public async Task The_dashboard_opens_the_tab_named_in_the_address(string tab, string tabText)
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, AccountBrowser.Password)).StatusCode);
        var englishName = $"tabs-{tab}";
        await AddClubAsync(englishName, (await browser.FindUserAsync(email))!.Id);

        var page = await browser.GetAsync($"/clubs/{englishName}/admin?tab={tab}");

        Assert.Contains(tabText, page.QuerySelector(".mud-tab-active")?.TextContent);
    }

    private async Task AddClubAsync(string englishName, Guid presidentId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var club = new Club { Name = $"{englishName} 동아리", EnglishName = englishName, Fee = 0, SeatLimit = 30 };
        db.Clubs.Add(club);
        await db.SaveChangesAsync(Ct);
        db.Memberships.Add(new ClubMembership
        {
            ClubId = club.Id, UserId = presidentId, TermKey = Term.Current(TimeProvider.System).Key, Role = ClubRole.President,
        });
        await db.SaveChangesAsync(Ct);
    }
}
