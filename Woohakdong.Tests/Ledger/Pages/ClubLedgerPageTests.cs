using Bunit;
using Woohakdong.Web.Components.Pages.Clubs;
using Woohakdong.Web.Components.Pages.Ledger;

namespace Woohakdong.Tests.Ledger.Pages;

/// <summary>The members' ledger page and the club page's link to it, open (투명 장부) or kept for officers.</summary>
public sealed class ClubLedgerPageTests : LedgerPageTest
{
    [Fact]
    public async Task A_member_reads_an_open_ledger_from_the_club_pages_link_without_any_way_to_write()
    {
        await ArrangeAsync(openToMembers: true);
        SignIn(Member);

        var club = Render<ClubPage>(p => p.Add(c => c.EnglishName, Club));
        club.WaitForAssertion(() => Assert.Equal($"/clubs/{Club}/ledger", club.Find("[data-testid=club-ledger]").GetAttribute("href")));
        var ledger = Render<ClubLedger>(p => p.Add(c => c.EnglishName, Club));

        ledger.WaitForAssertion(() => Assert.Equal(3, ledger.FindAll("[data-testid=entry-number]").Count));
        Assert.Equal("₩150,000", ledger.Find("[data-testid=ledger-balance] .money").TextContent);
        Assert.Single(ledger.FindAll("[data-testid=entry-reversed]"));
        Assert.Empty(ledger.FindAll("[data-testid=ledger-add]"));
        Assert.Empty(ledger.FindAll("[data-testid=entry-reverse]"));
        Assert.Empty(ledger.FindAll("[data-testid^=export-]"));
    }

    [Fact]
    public async Task A_member_of_a_club_keeping_its_ledger_for_officers_is_told_so_and_sees_no_entry()
    {
        await ArrangeAsync(openToMembers: false);
        SignIn(Member);

        var club = Render<ClubPage>(p => p.Add(c => c.EnglishName, Club));
        club.WaitForElement("[data-testid=club-items]");
        Assert.Empty(club.FindAll("[data-testid=club-ledger]"));
        var ledger = Render<ClubLedger>(p => p.Add(c => c.EnglishName, Club));

        ledger.WaitForAssertion(() => Assert.Equal("이 동아리의 장부는 임원만 볼 수 있습니다.", ledger.Find("[data-testid=ledger-closed]").TextContent));
        Assert.Empty(ledger.FindAll("[data-testid=ledger-entries]"));
        Assert.DoesNotContain("학생회 지원금", ledger.Markup);
    }

    [Fact]
    public async Task A_student_outside_the_club_is_refused_even_an_open_ledger()
    {
        await ArrangeAsync(openToMembers: true);
        SignIn(await AddUserAsync("이학생"));

        var ledger = Render<ClubLedger>(p => p.Add(c => c.EnglishName, Club));

        ledger.WaitForElement("[data-testid=access-denied]");
        Assert.DoesNotContain("학생회 지원금", ledger.Markup);
    }
}
