using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Web.Components.Pages.Clubs;

namespace Woohakdong.Tests.Clubs.Pages;

public sealed class ClubListTests : CorePageTest
{
    private async Task ArrangeClubsAsync()
    {
        var president = await AddUserAsync("김회장");
        await AddClubAsync("photo", president);
        await AddClubAsync("hiking", president);
    }

    private static string[] CardTitles(IRenderedComponent<ClubList> page) =>
        page.FindAll("[data-testid=club-card] a").Select(link => link.TextContent).ToArray();

    [Fact]
    public async Task Query_in_the_address_filters_the_clubs()
    {
        await ArrangeClubsAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/clubs?query=HIK");

        var page = Render<ClubList>();

        page.WaitForAssertion(() => Assert.Equal(["hiking 동아리"], CardTitles(page)));
    }

    [Fact]
    public async Task Free_club_card_says_free_and_a_fee_is_shown_in_won()
    {
        await ArrangeClubsAsync();
        await ChangeDatabaseAsync(async db => (await db.Clubs.SingleAsync(c => c.EnglishName == "hiking")).Fee = 0);

        var page = Render<ClubList>();

        page.WaitForAssertion(() => Assert.Equal(2, CardTitles(page).Length));
        var cards = page.FindAll("[data-testid=club-card]");
        Assert.Contains("무료", cards.Single(card => card.TextContent.Contains("hiking")).TextContent);
        Assert.Contains("₩10,000", cards.Single(card => card.TextContent.Contains("photo")).TextContent);
    }

    [Fact]
    public async Task Create_button_is_offered_to_signed_in_users_only()
    {
        var anonymous = Render<ClubList>();
        Assert.Empty(anonymous.FindAll("[data-testid=create-club]"));

        SignIn(await AddUserAsync("이학생"));
        var signedIn = Render<ClubList>();
        Assert.Equal("/clubs/new", signedIn.Find("[data-testid=create-club]").GetAttribute("href"));
    }
}
