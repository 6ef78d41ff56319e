using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Items;
using Woohakdong.Web.Components.Pages.Clubs;
using Woohakdong.Web.Components.Pages.Items;

namespace Woohakdong.Tests.Items.Pages;

public sealed class ItemPageTests : ItemPagesTest
{
    private IRenderedComponent<ContainerFragment> RenderItem(long itemId) =>
        RenderWithHosts<ItemPage>((nameof(ItemPage.EnglishName), Club), (nameof(ItemPage.ItemId), itemId));

    private static string Status(IRenderedComponent<ContainerFragment> page) => page.Find("[data-testid=item-status]").TextContent.Trim();

    [Fact]
    public async Task Member_can_borrow_but_gets_no_officer_actions()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("농구공");
        SignIn(MemberId);

        var page = RenderItem(itemId);

        page.WaitForElement("[data-testid=borrow-button]");
        Assert.Empty(page.FindAll("[data-testid=officer-actions]"));
        Assert.Empty(page.FindAll("[data-testid=return-button]"));
    }

    [Fact]
    public async Task Borrowing_shows_the_due_date_and_the_loan_in_the_history()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("농구공");
        SignIn(MemberId);
        var page = RenderItem(itemId);

        await page.WaitForElement("[data-testid=borrow-button]").ClickAsync(new());

        var due = Today.AddDays(7).ToString("yyyy-MM-dd");
        page.WaitForAssertion(() => Assert.Contains(due, page.Find("[data-testid=item-notice]").TextContent));
        Assert.Equal("대여 중", Status(page));
        Assert.Equal("박회원", page.Find("[data-testid=loan-borrower]").TextContent.Trim());
        Assert.NotEmpty(page.FindAll("[data-testid=return-button]"));
    }

    [Fact]
    public async Task When_someone_else_just_borrowed_it_the_member_reads_why_and_the_item_shows_on_loan()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("농구공");
        SignIn(MemberId);
        var page = RenderItem(itemId);
        var borrow = page.WaitForElement("[data-testid=borrow-button]");
        await LendAsync(itemId, OfficerId, Today.AddDays(7));

        await borrow.ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("이미 다른 회원이 대여 중", page.Find("[data-testid=item-refusal]").TextContent));
        Assert.Equal("대여 중", Status(page));
        Assert.Empty(page.FindAll("[data-testid=borrow-button]"));
        Assert.Equal("최임원", page.Find("[data-testid=loan-borrower]").TextContent.Trim());
    }

    [Fact]
    public async Task Officer_cannot_delete_an_item_on_loan_and_is_told_so()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("카메라", ItemCategory.Digital);
        await LendAsync(itemId, MemberId, Today.AddDays(-3));
        SignIn(OfficerId);
        var page = RenderItem(itemId);

        page.WaitForElement("[data-testid=delete-item]").Click(); // not awaited: its handler waits for the dialog's answer
        await page.WaitForElement("[data-testid=confirm-ok]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("대여 중인 물품은 삭제할 수 없습니다", page.Find("[data-testid=item-refusal]").TextContent));
        Assert.Null(await QueryAsync(db => db.Items.Where(i => i.Id == itemId).Select(i => i.DeletedAt).SingleAsync()));
        Assert.NotEmpty(page.FindAll("[data-testid=loan-overdue]"));
        Assert.Contains("loan-overdue", page.Find("[data-testid=item-loans] tbody tr").ClassName);
    }

    [Fact]
    public async Task Officer_marks_an_item_unavailable_and_members_can_no_longer_borrow_it()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("농구공");
        SignIn(OfficerId);
        var page = RenderItem(itemId);

        await page.WaitForElement("[data-testid=toggle-unavailable]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("사용 불가", Status(page)));
        Assert.Empty(page.FindAll("[data-testid=borrow-button]"));
        Assert.True(await QueryAsync(db => db.Items.Where(i => i.Id == itemId).Select(i => i.Unavailable).SingleAsync()));
    }

    [Fact]
    public async Task Student_outside_the_club_sees_the_access_denied_notice()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("농구공");
        SignIn(await AddUserAsync("이학생"));

        var page = RenderItem(itemId);

        page.WaitForElement("[data-testid=access-denied]");
        Assert.DoesNotContain("농구공", page.Markup);
    }

    [Fact]
    public async Task My_clubs_warns_the_borrower_of_an_overdue_item_with_a_link_to_it()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("카메라", ItemCategory.Digital);
        await LendAsync(itemId, MemberId, Today.AddDays(-3));
        SignIn(MemberId);

        var page = Render<MyClubs>();

        var notice = page.WaitForElement("[data-testid=overdue-loan]");
        Assert.Contains("'카메라' 반납이 3일 지났습니다", notice.TextContent);
        Assert.Equal($"/clubs/{Club}/items/{itemId}", notice.QuerySelector("a")!.GetAttribute("href"));
    }
}
