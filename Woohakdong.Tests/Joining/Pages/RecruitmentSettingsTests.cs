using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Pages.Membership;

namespace Woohakdong.Tests.Joining.Pages;

public sealed class RecruitmentSettingsTests : JoiningPageTest
{
    private long clubId;
    private long groupId;

    private async Task ArrangeAsync(ClubRole callerRole, int seatLimit = 30, int seatsTaken = 0)
    {
        clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        groupId = await AddGroupAsync(clubId, amount: 0, seatLimit, recruiting: false, seatsTaken);
        var caller = await AddUserAsync("정임원");
        await AddMemberAsync(clubId, caller, callerRole);
        SignIn(caller);
        await StartNotifierAsync();
    }

    private IRenderedComponent<ContainerFragment> RenderDashboard() =>
        Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<Dashboard>(1);
            builder.AddAttribute(2, nameof(Dashboard.EnglishName), "photo");
            builder.CloseComponent();
        });

    private async Task<IRenderedComponent<ContainerFragment>> OpenSettingsAsync()
    {
        var page = RenderDashboard();
        page.WaitForElement("[data-testid=dashboard-title]");
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("모집 설정")).ClickAsync(new());
        page.WaitForElement("[data-testid=recruitment-settings]");
        return page;
    }

    private static Task EnterAsync(IRenderedComponent<ContainerFragment> page, string inputId, string value) =>
        page.Find($"#{inputId}").ChangeAsync(new ChangeEventArgs { Value = value });

    private static async Task SaveAsync(IRenderedComponent<ContainerFragment> page) =>
        await page.Find("[data-testid=recruitment-settings]").SubmitAsync();

    [Fact]
    public async Task Officer_opens_recruitment_and_sets_fee_and_seat_limit()
    {
        await ArrangeAsync(ClubRole.Officer, seatLimit: 30, seatsTaken: 4);
        var page = await OpenSettingsAsync();
        Assert.Contains("찬 자리 4", page.Find("[data-testid=seats-taken]").TextContent);

        await page.Find("[data-testid=recruitment-settings] input[type=checkbox]").ChangeAsync(new ChangeEventArgs { Value = true });
        await EnterAsync(page, "recruit-fee", "5000");
        await EnterAsync(page, "recruit-seat-limit", "20");
        await SaveAsync(page);

        page.WaitForAssertion(() => Assert.Contains("남은 자리 16", page.Find("[data-testid=seats-left]").TextContent));
        var group = await GroupAsync(groupId);
        Assert.Equal((true, 5000L, 20), (group.Recruiting, group.Amount, group.SeatLimit));
        Assert.Empty(page.FindAll("[data-testid=recruitment-error]"));
    }

    [Fact]
    public async Task The_club_form_shows_the_fee_and_limit_just_saved_in_recruitment_settings()
    {
        await ArrangeAsync(ClubRole.President, seatLimit: 30);
        var page = await OpenSettingsAsync();
        await EnterAsync(page, "recruit-fee", "7000");
        await EnterAsync(page, "recruit-seat-limit", "25");
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("남은 자리 25", page.Find("[data-testid=seats-left]").TextContent));

        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("동아리 정보")).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(
            ("7000", "25"), (page.Find("#club-fee").GetAttribute("value"), page.Find("#club-seat-limit").GetAttribute("value"))));
    }

    [Fact]
    public async Task A_limit_below_the_seats_taken_is_refused_with_the_Korean_reason()
    {
        await ArrangeAsync(ClubRole.President, seatLimit: 30, seatsTaken: 10);
        var page = await OpenSettingsAsync();

        await EnterAsync(page, "recruit-seat-limit", "9");
        await SaveAsync(page);

        page.WaitForAssertion(() => Assert.Equal(
            "정원은 이미 찬 자리 수보다 적게 줄일 수 없습니다.", page.Find("[data-testid=recruitment-error]").TextContent.Trim()));
        Assert.Equal(30, (await GroupAsync(groupId)).SeatLimit);
    }

    [Fact]
    public async Task Member_sees_the_access_denied_notice_and_no_recruitment_settings()
    {
        await ArrangeAsync(ClubRole.Member);

        var page = RenderDashboard();

        page.WaitForElement("[data-testid=access-denied]");
        Assert.Empty(page.FindAll("[data-testid=recruitment-settings]"));
        Assert.Empty(page.FindAll("[data-testid=recruitment-tab]"));
    }

    [Fact]
    public async Task The_recruitment_switch_says_whether_the_club_recruits()
    {
        await ArrangeAsync(ClubRole.Officer);
        var page = await OpenSettingsAsync();
        var label = () => page.Find("[data-testid=recruiting-switch]").Closest("label")!.TextContent.Trim();
        Assert.Equal("회원 모집 안 함", label());

        await page.Find("[data-testid=recruiting-switch]").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Equal("회원 모집 중", label()));
    }

    [Fact]
    public async Task In_english_one_seat_is_counted_in_the_singular()
    {
        await ArrangeAsync(ClubRole.Officer, seatLimit: 2, seatsTaken: 1);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        var page = RenderDashboard();
        page.WaitForElement("[data-testid=dashboard-title]");
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("Recruitment")).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1 seat taken", page.Find("[data-testid=seats-taken]").TextContent.Trim()));
        Assert.Equal("1 seat left", page.Find("[data-testid=seats-left]").TextContent.Trim());
    }

    [Fact]
    public async Task Seats_taken_and_left_follow_seat_changes_live()
    {
        await ArrangeAsync(ClubRole.Secretary, seatLimit: 30, seatsTaken: 2);
        var page = await OpenSettingsAsync();
        page.WaitForAssertion(() => Assert.Equal(1, Notifier.WatcherCount(groupId)));

        await PublishAsync(groupId, 25);

        page.WaitForAssertion(() => Assert.Contains("남은 자리 25", page.Find("[data-testid=seats-left]").TextContent));
        Assert.Contains("찬 자리 5", page.Find("[data-testid=seats-taken]").TextContent);
    }
}
