using Bunit;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Pages;

namespace Woohakdong.Tests.Clubs.Pages;

public sealed class HomeTests : CorePageTest
{
    [Fact]
    public async Task A_signed_in_president_finds_the_club_they_run_with_its_manage_button_on_the_home_page()
    {
        var president = await AddUserAsync("김회장");
        await AddClubAsync("photo", president);
        var member = await AddUserAsync("박회원");
        await AddMemberAsync(await AddClubAsync("hiking", await AddUserAsync("산악부 회장")), member, ClubRole.Member);
        SignIn(president);

        var page = Render<Home>();

        var mine = page.WaitForElement("[data-testid=home-my-clubs]");
        Assert.Equal("/clubs/photo/admin", mine.QuerySelector("[data-testid=club-manage]")?.GetAttribute("href"));
        Assert.DoesNotContain("hiking", mine.TextContent);
    }

    [Fact]
    public async Task A_signed_out_visitor_sees_no_my_clubs_section()
    {
        await AddClubAsync("photo", await AddUserAsync("김회장"));

        var page = Render<Home>();

        page.WaitForElement("[data-testid=club-card]");
        Assert.Empty(page.FindAll("[data-testid=home-my-clubs]"));
    }
}
