using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Items;
using Woohakdong.Web.Components.Pages.Items;

namespace Woohakdong.Tests.Items.Pages;

public sealed class ItemListTests : ItemPagesTest
{
    private IRenderedComponent<ContainerFragment> RenderList() => RenderWithHosts<ItemList>((nameof(ItemList.EnglishName), Club));

    private static IReadOnlyList<string> Names(IRenderedComponent<ContainerFragment> page) =>
        [.. page.FindAll("[data-testid=item-name]").Select(name => name.TextContent.Trim())];

    private static IElement Card(IRenderedComponent<ContainerFragment> page, string name) =>
        page.FindAll("[data-testid=item-card]").Single(card => card.QuerySelector("[data-testid=item-name]")!.TextContent.Trim() == name);

    private static string StatusOf(IRenderedComponent<ContainerFragment> page, string name) =>
        Card(page, name).QuerySelector("[data-testid=item-status]")!.TextContent.Trim();

    private static async Task ChooseAsync(IRenderedComponent<ContainerFragment> page, string select, string option)
    {
        await page.Find($"[data-testid={select}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        var choice = page.WaitForElements(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == option);
        await choice.ClickAsync(new());
    }

    [Fact]
    public async Task Student_outside_the_club_sees_the_access_denied_notice_and_no_items()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        SignIn(await AddUserAsync("이학생"));

        var page = RenderList();

        page.WaitForElement("[data-testid=access-denied]");
        Assert.Empty(page.FindAll("[data-testid=item-card]"));
        Assert.DoesNotContain("농구공", page.Markup);
    }

    [Fact]
    public async Task Student_outside_the_club_is_told_members_may_see_the_items_with_a_button_to_join()
    {
        await ArrangeClubAsync();
        SignIn(await AddUserAsync("이학생"));

        var page = RenderList();

        var reason = page.WaitForElement("[data-testid=access-denied-reason]");
        Assert.Contains("회원만 볼 수 있는", reason.TextContent);
        Assert.DoesNotContain("임원", reason.TextContent);
        var join = page.Find("[data-testid=access-denied-action]");
        Assert.Equal($"/clubs/{Club}", join.GetAttribute("href"));
        Assert.Contains("가입하기", join.TextContent);
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_and_back_to_the_items()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/clubs/{Club}/items");

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal($"http://localhost/account/login?returnUrl=%2Fclubs%2F{Club}%2Fitems", navigation.Uri));
        Assert.DoesNotContain("농구공", page.Markup);
    }

    [Fact]
    public async Task Member_is_admitted_to_the_items()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        SignIn(MemberId);

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(["농구공"], Names(page)));
        Assert.Empty(page.FindAll("[data-testid=access-denied]"));
    }

    [Fact]
    public async Task Member_sees_each_item_with_its_korean_status_category_and_due_date_but_no_register_button()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        await LendAsync(await AddItemAsync("카메라", ItemCategory.Digital), MemberId, Today.AddDays(3));
        await LendAsync(await AddItemAsync("삼각대", ItemCategory.Digital), OfficerId, Today.AddDays(-2));
        await AddItemAsync("텐트", unavailable: true);
        SignIn(MemberId);

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal(["농구공", "삼각대", "카메라", "텐트"], Names(page)));
        Assert.Equal("대여 가능", StatusOf(page, "농구공"));
        Assert.Equal("대여 중", StatusOf(page, "카메라"));
        Assert.Equal("연체", StatusOf(page, "삼각대"));
        Assert.Equal("사용 불가", StatusOf(page, "텐트"));
        Assert.Equal("디지털", Card(page, "카메라").QuerySelector("[data-testid=item-category]")!.TextContent.Trim());
        Assert.Contains(Today.AddDays(3).ToString("yyyy-MM-dd"), Card(page, "카메라").QuerySelector("[data-testid=item-due]")!.TextContent);
        Assert.NotNull(Card(page, "농구공").QuerySelector("img[data-testid=item-thumbnail]")!.GetAttribute("src"));
        Assert.Empty(page.FindAll("[data-testid=register-item]"));
    }

    [Fact]
    public async Task Officer_gets_the_register_button()
    {
        await ArrangeClubAsync();
        SignIn(OfficerId);

        var page = RenderList();

        page.WaitForAssertion(() => Assert.Equal($"/clubs/{Club}/items/new", page.Find("[data-testid=register-item]").GetAttribute("href")));
    }

    [Fact]
    public async Task Category_and_status_filters_narrow_the_list()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        await AddItemAsync("사진 입문", ItemCategory.Book);
        await LendAsync(await AddItemAsync("카메라", ItemCategory.Digital), MemberId, Today.AddDays(-1));
        SignIn(MemberId);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count));

        await ChooseAsync(page, "category-filter", "도서");
        page.WaitForAssertion(() => Assert.Equal(["사진 입문"], Names(page)));

        await ChooseAsync(page, "category-filter", "모든 분류");
        await ChooseAsync(page, "status-filter", "대여 중");
        page.WaitForAssertion(() => Assert.Equal(["카메라"], Names(page)));
    }

    [Fact]
    public async Task Search_by_name_lists_only_matching_items()
    {
        await ArrangeClubAsync();
        await AddItemAsync("농구공");
        await AddItemAsync("필름 카메라", ItemCategory.Digital);
        SignIn(MemberId);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal(2, Names(page).Count));

        await page.Find("input[data-testid=item-search]").InputAsync(new() { Value = "카메라" });

        page.WaitForAssertion(() => Assert.Equal(["필름 카메라"], Names(page)));
    }
}
