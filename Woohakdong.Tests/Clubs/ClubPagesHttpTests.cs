using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

/// <summary>What a browser, a crawler or a script gets from the prerendered club pages.</summary>
public sealed class ClubPagesHttpTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/clubs/no-such-club")]
    [InlineData("/clubs/no-such-club/admin")]
    public async Task An_unknown_club_name_is_a_404_page_in_korean(string path)
    {
        var response = await app.CreateClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("페이지를 찾을 수 없습니다", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_gets_no_roster_from_the_dashboard()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/clubs/photo/admin?tab=payments", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fclubs%2Fphoto%2Fadmin%3Ftab%3Dpayments",
            new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery);
        Assert.DoesNotContain("president@woohakdong.kr", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_demo_club_page_is_public()
    {
        var response = await app.CreateClient().GetAsync("/clubs/photo", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("우학동 사진부", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_sign_in_post_without_its_antiforgery_token_is_refused()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = "president@woohakdong.kr", ["Input.Password"] = "woohakdong1",
        });

        var response = await app.CreateClient().PostAsync("/account/login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
