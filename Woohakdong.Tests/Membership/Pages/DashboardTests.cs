using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Components.Pages.Membership;

namespace Woohakdong.Tests.Membership.Pages;

public sealed class DashboardTests : CorePageTest
{
    private const string Club = "photo";
    private const string MemberName = "박회원";
    private long clubId;
    private Guid presidentId;
    private long memberMembershipId;

    private async Task ArrangeClubAsync()
    {
        presidentId = await AddUserAsync("김회장");
        clubId = await AddClubAsync(Club, presidentId);
        memberMembershipId = await AddMemberAsync(clubId, await AddUserAsync(MemberName), ClubRole.Member);
    }

    private IRenderedComponent<ContainerFragment> RenderDashboard(string englishName = Club) =>
        RenderWithHosts<Dashboard>((nameof(Dashboard.EnglishName), englishName));

    private static async Task OpenRosterAsync(IRenderedComponent<ContainerFragment> page)
    {
        page.WaitForElement("[data-testid=dashboard-title]");
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("회원 명부")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains(MemberName, page.Find("[data-testid=roster]").TextContent));
    }

    private static void AssertDeniedWithoutData(IRenderedComponent<ContainerFragment> page)
    {
        page.WaitForElement("[data-testid=access-denied]");
        Assert.Empty(page.FindAll("[data-testid=roster]"));
        Assert.Empty(page.FindAll("[data-testid=club-form]"));
        Assert.DoesNotContain(MemberName, page.Markup);
    }

    [Fact]
    public async Task Student_outside_the_club_sees_the_access_denied_notice_and_no_roster()
    {
        await ArrangeClubAsync();
        SignIn(await AddUserAsync("이학생"));

        AssertDeniedWithoutData(RenderDashboard());
    }

    [Fact]
    public async Task Officer_of_another_club_sees_the_access_denied_notice_and_no_roster()
    {
        await ArrangeClubAsync();
        var officer = await AddUserAsync("최임원");
        await AddMemberAsync(await AddClubAsync("hiking", await AddUserAsync("산악부 회장")), officer, ClubRole.Secretary);
        SignIn(officer);

        AssertDeniedWithoutData(RenderDashboard());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_back_to_the_dashboard()
    {
        await ArrangeClubAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/clubs/{Club}/admin?tab=payments");

        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.Equal(
            $"http://localhost/account/login?returnUrl=%2Fclubs%2F{Club}%2Fadmin%3Ftab%3Dpayments", navigation.Uri));
        Assert.Empty(page.FindAll("[data-testid=access-denied]"));
        Assert.DoesNotContain(MemberName, page.Markup);
    }

    [Fact]
    public async Task Member_is_told_the_dashboard_is_for_officers_and_sent_back_to_the_club()
    {
        await ArrangeClubAsync();
        var member = await AddUserAsync("이회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
        SignIn(member);

        var page = RenderDashboard();

        AssertDeniedWithoutData(page);
        Assert.Contains("임원만", page.Find("[data-testid=access-denied-reason]").TextContent);
        var action = page.Find("[data-testid=access-denied-action]");
        Assert.Equal($"/clubs/{Club}", action.GetAttribute("href"));
        Assert.Contains("동아리 페이지로", action.TextContent);
    }

    [Fact]
    public async Task Opening_a_tab_puts_it_in_the_address()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/clubs/{Club}/admin");
        var page = RenderDashboard();

        await OpenRosterAsync(page);

        Assert.Equal($"http://localhost/clubs/{Club}/admin?tab=roster", navigation.Uri);
    }

    [Fact]
    public async Task The_dashboard_opens_on_the_overview_of_the_club()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);

        var page = RenderDashboard();

        page.WaitForAssertion(() => Assert.Equal("이번 학기 2명", page.Find("[data-testid=overview-members-summary]").TextContent.Trim()));
        Assert.Contains("개요", page.Find(".mud-tab-active").TextContent);
        Assert.Empty(page.FindAll("[data-testid=club-form]"));
    }

    [Fact]
    public async Task The_info_tab_in_the_address_opens_the_club_form()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/clubs/{Club}/admin?tab=info");

        var page = RenderDashboard();

        page.WaitForElement("[data-testid=club-form]");
        Assert.Empty(page.FindAll("[data-testid=overview]"));
    }

    [Fact]
    public async Task A_roster_search_without_hits_says_no_member_matches()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        var page = RenderDashboard();
        await OpenRosterAsync(page);

        await page.Find("input[data-testid=roster-search]").InputAsync(new() { Value = "없는이름" });

        page.WaitForAssertion(() => Assert.Equal("검색어 “없는이름”에 맞는 회원이 없습니다.",
            page.Find("[data-testid=roster-empty]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_remove_button_says_it_removes_from_the_club()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        var page = RenderDashboard();
        await OpenRosterAsync(page);

        Assert.Equal("동아리에서 제외", page.Find("[data-testid=remove-member]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Unknown_club_asks_the_router_for_its_not_found_page()
    {
        SignIn(await AddUserAsync("이학생"));
        var notFound = false;
        Services.GetRequiredService<NavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = RenderDashboard("no-such-club");

        page.WaitForAssertion(() => Assert.True(notFound));
        Assert.Empty(page.FindAll("[data-testid=roster]"));
    }

    [Fact]
    public async Task Officer_sees_the_roster_read_only()
    {
        await ArrangeClubAsync();
        var officer = await AddUserAsync("최임원");
        await AddMemberAsync(clubId, officer, ClubRole.Officer);
        SignIn(officer);
        var page = RenderDashboard();

        await OpenRosterAsync(page);

        Assert.Contains("김회장", page.Find("[data-testid=roster]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=role-controls]"));
        Assert.Contains("회장만", page.Find("[data-testid=roster-read-only]").TextContent);
    }

    [Fact]
    public async Task President_changes_a_members_role_from_the_roster()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        var page = RenderDashboard();
        await OpenRosterAsync(page);

        var controls = page.FindAll("[data-testid=role-controls]");
        Assert.Single(controls);
        await controls[0].QuerySelector(".mud-select .mud-input-control")!.MouseDownAsync(new());
        var secretary = page.WaitForElements(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == "총무");
        await secretary.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("총무", page.FindAll("[data-testid=role-chip]").Select(chip => chip.TextContent)));
        Assert.Equal(ClubRole.Secretary,
            await QueryAsync(db => db.Memberships.Where(m => m.Id == memberMembershipId).Select(m => m.Role).SingleAsync()));
    }

    [Fact]
    public async Task President_hands_over_the_presidency_after_confirming_and_becomes_an_officer()
    {
        await ArrangeClubAsync();
        SignIn(presidentId);
        var page = RenderDashboard();
        await OpenRosterAsync(page);

        page.Find("[data-testid=hand-over]").Click(); // not awaited: its handler waits for the dialog's answer
        var confirm = page.WaitForElement("[data-testid=confirm-ok]");
        Assert.Contains("임원", page.Find(".mud-dialog").TextContent);
        await confirm.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=role-controls]")));
        var roles = await QueryAsync(db => db.Memberships.Where(m => m.ClubId == clubId).ToDictionaryAsync(m => m.UserId, m => m.Role));
        Assert.Equal(ClubRole.Officer, roles[presidentId]);
        Assert.Equal(ClubRole.President, roles.Single(r => r.Key != presidentId).Value);
    }
}
