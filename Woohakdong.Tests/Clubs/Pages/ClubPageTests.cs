using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Bunit;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Pages.Clubs;

namespace Woohakdong.Tests.Clubs.Pages;

public sealed class ClubPageTests : CorePageTest
{
    private async Task<long> ArrangeClubWithChatAsync()
    {
        var clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        await ChangeDatabaseAsync(async db => (await db.Clubs.FindAsync(clubId))!.ChatLink = "https://open.kakao.com/o/photo");
        return clubId;
    }

    private IRenderedComponent<ClubPage> RenderPage(string englishName = "photo") =>
        Render<ClubPage>(parameters => parameters.Add(p => p.EnglishName, englishName));

    [Fact]
    public async Task Visitor_sees_the_club_without_chat_link_or_manage_button()
    {
        await ArrangeClubWithChatAsync();

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("photo 동아리", page.Find("[data-testid=club-title]").TextContent));
        Assert.Contains("₩10,000", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=club-chat-link]"));
        Assert.Empty(page.FindAll("[data-testid=club-manage]"));
    }

    [Fact]
    public async Task The_club_page_says_the_member_count_includes_officers_who_take_no_seats()
    {
        await ArrangeClubWithChatAsync();

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("1명 (임원 포함)", page.Markup));
        Assert.Equal("정원은 새로 가입하는 회원의 자리예요. 회장과 임원은 정원에 들지 않아요.",
            page.Find("[data-testid=seats-note]").TextContent.Trim());
    }

    [Fact]
    public async Task Member_sees_the_chat_link_but_no_manage_button()
    {
        var clubId = await ArrangeClubWithChatAsync();
        var member = await AddUserAsync("박회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
        SignIn(member);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(
            "https://open.kakao.com/o/photo", page.Find("[data-testid=club-chat-link]").GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-testid=club-manage]"));
    }

    [Fact]
    public async Task Officer_gets_a_manage_button_to_the_dashboard()
    {
        var clubId = await ArrangeClubWithChatAsync();
        var officer = await AddUserAsync("최임원");
        await AddMemberAsync(clubId, officer, ClubRole.Officer);
        SignIn(officer);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal("/clubs/photo/admin", page.Find("[data-testid=club-manage]").GetAttribute("href")));
    }

    [Fact]
    public void Unknown_name_asks_the_router_for_its_not_found_page()
    {
        var notFound = false;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = RenderPage("no-such-club");

        page.WaitForAssertion(() => Assert.True(notFound));
        Assert.Empty(page.FindAll("[data-testid=club-title]"));
    }
}
