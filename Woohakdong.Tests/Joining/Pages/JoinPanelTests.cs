using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Pages.Clubs;

namespace Woohakdong.Tests.Joining.Pages;

public sealed class JoinPanelTests : JoiningPageTest
{
    private long clubId;
    private long groupId;

    private async Task ArrangeClubAsync(long amount = 0, int seatLimit = 30, int seatsTaken = 0)
    {
        clubId = await AddClubAsync("photo", await AddUserAsync("김회장"));
        await ChangeDatabaseAsync(async db => (await db.Clubs.FindAsync(clubId))!.ChatLink = "https://open.kakao.com/o/photo");
        groupId = await AddGroupAsync(clubId, amount, seatLimit, seatsTaken: seatsTaken);
        await StartNotifierAsync();
    }

    private IRenderedComponent<ClubPage> RenderPage()
    {
        var page = Render<ClubPage>(parameters => parameters.Add(p => p.EnglishName, "photo"));
        page.WaitForElement("[data-testid=join-panel]");
        return page;
    }

    private static string SeatsLeft(IRenderedComponent<ClubPage> page) => page.Find("[data-testid=seats-left]").TextContent.Trim();

    private static async Task<string> JoinAsync(IRenderedComponent<ClubPage> page)
    {
        await page.Find("button[data-testid=join-button]").ClickAsync(new());
        return page.WaitForElement("[data-testid=join-result]").TextContent;
    }

    [Fact]
    public async Task Student_joins_a_free_club_sees_the_success_message_and_the_group_chat_link()
    {
        await ArrangeClubAsync(seatLimit: 30);
        var student = await AddUserAsync("박학생");
        SignIn(student);
        var page = RenderPage();
        Assert.Empty(page.FindAll("[data-testid=club-chat-link]"));
        Assert.Equal("남은 자리 30", SeatsLeft(page));

        var result = await JoinAsync(page);

        Assert.Contains("가입되었습니다", result);
        page.WaitForAssertion(() => Assert.Equal("https://open.kakao.com/o/photo", page.Find("[data-testid=club-chat-link]").GetAttribute("href")));
        page.WaitForAssertion(() => Assert.Equal("남은 자리 29", SeatsLeft(page)));
        Assert.Contains("이미 회원입니다", page.Find("[data-testid=already-member]").TextContent);
        var role = await QueryAsync(db => db.Memberships.Where(m => m.ClubId == clubId && m.UserId == student).Select(m => m.Role).SingleAsync());
        Assert.Equal(ClubRole.Member, role);
    }

    public enum Refusal
    {
        Full,
        NotRecruiting,
        AlreadyMember,
        ProfileIncomplete,
        Busy,
    }

    [Theory]
    [InlineData(Refusal.Full, "정원이 마감되었습니다.")]
    [InlineData(Refusal.NotRecruiting, "지금은 회원을 모집하고 있지 않습니다.")]
    [InlineData(Refusal.AlreadyMember, "이미 이번 학기 회원입니다.")]
    [InlineData(Refusal.ProfileIncomplete, "가입하려면 먼저 프로필(이름, 학교, 학과, 학번, 휴대폰 번호)을 모두 입력하세요.")]
    [InlineData(Refusal.Busy, "가입 신청이 몰리고 있습니다. 잠시 후 다시 시도하세요.")]
    public async Task A_refused_join_shows_the_reason_in_Korean(Refusal refusal, string expected)
    {
        await ArrangeClubAsync(seatLimit: 5);
        var student = await AddUserAsync("박학생");
        SignIn(student);
        var page = RenderPage();
        // Each change lands after the page has loaded, as when another student or an officer acts in between.
        await using var busyLock = refusal == Refusal.Busy
            ? await Services.GetRequiredService<ISeatLock>().AcquireAsync(SeatLockResult.ResourceFor(clubId), Xunit.TestContext.Current.CancellationToken)
            : null;
        switch (refusal)
        {
            case Refusal.Full: await ChangeGroupAsync(groupId, g => g.SeatsTaken = g.SeatLimit); break;
            case Refusal.NotRecruiting: await ChangeGroupAsync(groupId, g => g.Recruiting = false); break;
            case Refusal.AlreadyMember: await AddMemberAsync(clubId, student, ClubRole.Member); break;
            case Refusal.ProfileIncomplete:
                await ChangeDatabaseAsync(async db => (await db.Users.FindAsync(student))!.Phone = "");
                break;
        }

        var result = await JoinAsync(page);

        Assert.Contains(expected, result);
        Assert.Equal(refusal == Refusal.ProfileIncomplete, page.FindAll("[data-testid=complete-profile][href='/me/profile']").Count == 1);
        Assert.Equal(refusal == Refusal.Busy, result.Contains("다시 눌러 주세요"));
        Assert.Empty(page.FindAll("[data-testid=club-chat-link]"));
    }

    [Fact]
    public async Task Anonymous_visitor_gets_a_sign_in_link_that_returns_to_the_club_page()
    {
        await ArrangeClubAsync();

        var page = RenderPage();

        Assert.Equal("/account/login?returnUrl=%2Fclubs%2Fphoto", page.Find("[data-testid=join-button]").GetAttribute("href"));
        Assert.Contains("모집 중", page.Find("[data-testid=join-state]").TextContent);
    }

    [Fact]
    public async Task Paid_group_shows_the_fee_and_a_join_button_that_opens_the_payment()
    {
        await ArrangeClubAsync(amount: 10_000);
        SignIn(await AddUserAsync("박학생"));

        var page = RenderPage();

        Assert.Contains("₩10,000", page.Find("[data-testid=join-panel]").TextContent);
        Assert.False(page.Find("button[data-testid=join-button]").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=paying]"));
    }

    [Fact]
    public async Task Full_or_closed_groups_say_so_and_offer_no_join()
    {
        await ArrangeClubAsync(seatLimit: 3, seatsTaken: 3);
        SignIn(await AddUserAsync("박학생"));

        var page = RenderPage();

        Assert.Contains("정원 마감", page.Find("[data-testid=join-state]").TextContent);
        Assert.Equal("남은 자리 0", SeatsLeft(page));
        Assert.True(page.Find("button[data-testid=join-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Seats_left_follows_seat_events_of_its_own_group_and_ignores_other_groups()
    {
        await ArrangeClubAsync(seatLimit: 30);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(1, Notifier.WatcherCount(groupId)));

        await PublishAsync(groupId, 7);
        page.WaitForAssertion(() => Assert.Equal("남은 자리 7", SeatsLeft(page)));
        await PublishAsync(groupId + 1000, 3);
        // The renderer runs its queue in order: once this no-op has run, an update for the other group would have too.
        await page.InvokeAsync(() => { });

        Assert.Equal("남은 자리 7", SeatsLeft(page));
    }

    [Fact]
    public async Task Closing_the_page_stops_watching_its_group()
    {
        await ArrangeClubAsync();
        RenderPage();
        Assert.Equal(1, Notifier.WatcherCount(groupId));

        await DisposeComponentsAsync();

        Assert.Equal(0, Notifier.WatcherCount(groupId));
    }
}
