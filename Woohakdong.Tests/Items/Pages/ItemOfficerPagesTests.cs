using Bunit;
using Woohakdong.Core.Items;
using Woohakdong.Web.Components.Pages.Items;
using Woohakdong.Web.Components.Pages.Membership;

namespace Woohakdong.Tests.Items.Pages;

public sealed class ItemOfficerPagesTests : ItemPagesTest
{
    [Fact]
    public async Task Member_cannot_open_the_register_page()
    {
        await ArrangeClubAsync();
        SignIn(MemberId);

        var page = RenderWithHosts<ItemEditor>((nameof(ItemEditor.EnglishName), Club));

        page.WaitForElement("[data-testid=access-denied]");
        Assert.Empty(page.FindAll("[data-testid=image-uploader]"));
    }

    [Fact]
    public async Task Edit_page_starts_from_the_item_with_its_images_removable()
    {
        await ArrangeClubAsync();
        var itemId = await AddItemAsync("카메라", ItemCategory.Digital);
        SignIn(OfficerId);

        var page = RenderWithHosts<ItemEditor>((nameof(ItemEditor.EnglishName), Club), (nameof(ItemEditor.ItemId), (long?)itemId));

        page.WaitForAssertion(() => Assert.Equal("카메라 수정", page.Find("[data-testid=item-editor-title]").TextContent.Trim()));
        Assert.Equal("카메라", page.Find("input[data-testid=item-name-field]").GetAttribute("value"));
        Assert.Single(page.FindAll("[data-testid=kept-image]"));
        await page.Find("[data-testid=remove-kept-image]").ClickAsync(new());
        Assert.Empty(page.FindAll("[data-testid=kept-image]"));

        await page.Find("[data-testid=item-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("사진을 한 장 이상 올려 주세요.", page.Find("[data-testid=item-form-error]").TextContent.Trim()));
    }

    [Fact]
    public async Task Dashboard_loans_tab_shows_who_holds_what_with_overdue_highlighted_and_a_members_history()
    {
        await ArrangeClubAsync();
        await LendAsync(await AddItemAsync("카메라", ItemCategory.Digital), MemberId, Today.AddDays(-2));
        await LendAsync(await AddItemAsync("농구공"), OfficerId, Today.AddDays(5));
        SignIn(OfficerId);
        var page = RenderWithHosts<Dashboard>((nameof(Dashboard.EnglishName), Club));
        page.WaitForElement("[data-testid=dashboard-title]");

        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("물품 대여")).ClickAsync(new());

        var rows = page.WaitForElements("[data-testid=current-loans] tbody tr");
        Assert.Equal(["카메라", "농구공"], rows.Select(row => row.QuerySelector("[data-testid=loan-item]")!.TextContent.Trim()));
        Assert.Contains("loan-overdue", rows[0].ClassName);
        Assert.DoesNotContain("loan-overdue", rows[1].ClassName ?? "");
        await page.Find("[data-testid=loan-member]").Closest(".mud-input-control")!.MouseDownAsync(new());
        await page.WaitForElements(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Contains("박회원")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(
            ["카메라"], page.FindAll("[data-testid=member-loans] [data-testid=loan-item]").Select(cell => cell.TextContent.Trim())));
    }
}
