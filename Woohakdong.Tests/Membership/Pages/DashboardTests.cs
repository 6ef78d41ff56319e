using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
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

    /// <summary>
    /// The dashboard beside the popover and dialog hosts the layout normally provides, so selects and dialogs open; the returned
    /// host's markup holds both.
    /// </summary>
    private IRenderedComponent<ContainerFragment> RenderDashboard(string englishName = Club) =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<Dashboard>(2);
            builder.AddAttribute(3, nameof(Dashboard.EnglishName), englishName);
            builder.CloseComponent();
        });

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
    public async Task Anonymous_visitor_sees_the_access_denied_notice()
    {
        await ArrangeClubAsync();

        AssertDeniedWithoutData(RenderDashboard());
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
