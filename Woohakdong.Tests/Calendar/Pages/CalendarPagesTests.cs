using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Components.Pages.Calendar;
using Woohakdong.Web.Components.Pages.Clubs;

namespace Woohakdong.Tests.Calendar.Pages;

/// <summary>The club's calendar page (grid and day list), its subscribe panel, and the club page's upcoming events.</summary>
public sealed class CalendarPagesTests : CorePageTest
{
    private const string Club = "photo";
    private long clubId;
    private Guid president;

    private async Task ArrangeAsync()
    {
        president = await AddUserAsync("김회장");
        clubId = await AddClubAsync(Club, president);
    }

    private async Task<long> AddEventAsync(DateTimeOffset startsAt, string title, EventAudience audience = EventAudience.Anyone,
        EventStatus status = EventStatus.Published)
    {
        var clubEvent = new ClubEvent
        {
            ClubId = clubId, Title = title, Description = "", Place = "학생회관 304호", StartsAt = startsAt.ToUniversalTime(),
            EndsAt = startsAt.AddHours(2).ToUniversalTime(), Audience = audience, Status = status, SeatLimit = EventRules.Unlimited,
            TermKey = EventRules.TermKeyOf(startsAt),
        };
        await ChangeDatabaseAsync(db =>
        {
            db.Events.Add(clubEvent);
            return Task.CompletedTask;
        });
        return clubEvent.Id;
    }

    private static DateTimeOffset March(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, KoreanTime.Offset);

    private IRenderedComponent<ClubCalendarPage> RenderCalendar(string month)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/clubs/{Club}/calendar?month={month}");
        return Render<ClubCalendarPage>(parameters => parameters.Add(p => p.EnglishName, Club));
    }

    [Fact]
    public async Task The_month_is_a_grid_of_whole_weeks_with_events_on_their_KST_day_and_a_list_of_the_days_that_have_events()
    {
        await ArrangeAsync();
        var late = await AddEventAsync(March(31, 23, 30), "3월 마지막 밤");
        await AddEventAsync(March(10, 19), "정기 모임");
        await AddEventAsync(March(10, 21), "뒤풀이");
        await AddEventAsync(March(20, 19), "취소된 출사", status: EventStatus.Cancelled);
        await AddEventAsync(March(21, 19), "회원 출사", EventAudience.Members);
        await AddEventAsync(new DateTimeOffset(2026, 4, 1, 0, 30, 0, KoreanTime.Offset), "4월 첫 밤");

        var page = RenderCalendar("2026-03");

        page.WaitForAssertion(() => Assert.Equal("2026년 3월", page.Find("[data-testid=calendar-month]").TextContent));
        var grid = page.Find("[data-testid=calendar-grid]");
        Assert.Equal(35, grid.QuerySelectorAll(".day").Length);
        Assert.Equal(["정기 모임", "뒤풀이"], grid.QuerySelectorAll("[data-day='2026-03-10'] .event-title").Select(t => t.TextContent));
        Assert.Equal($"/events/{late}", grid.QuerySelector("[data-day='2026-03-31'] a")!.GetAttribute("href"));
        Assert.Empty(grid.QuerySelectorAll("[data-day='2026-04-01'] .event-title"));
        Assert.Equal("취소된 출사", grid.QuerySelector("[data-day='2026-03-20'] s.event-title")!.TextContent);
        Assert.DoesNotContain("회원 출사", page.Markup);
        var days = page.FindAll("[data-testid=calendar-list] [data-testid=calendar-day]");
        Assert.Equal(["2026-03-10", "2026-03-20", "2026-03-31"], days.Select(d => d.GetAttribute("data-day")));
        Assert.Equal("3월 10일 (화)", days[0].QuerySelector("h6, .mud-typography")!.TextContent);
        Assert.Equal(2, days[0].QuerySelectorAll("[data-testid=calendar-event]").Length);
        Assert.Contains("취소됨", days[1].TextContent);
        Assert.Equal("/clubs/photo/calendar?month=2026-02", page.Find("[data-testid=calendar-previous]").GetAttribute("href"));
        Assert.Equal("/clubs/photo/calendar?month=2026-04", page.Find("[data-testid=calendar-next]").GetAttribute("href"));
        Assert.Single(page.FindAll("[data-testid=subscribe-sign-in]"));
    }

    [Fact]
    public async Task A_member_sees_member_events_and_makes_copies_replaces_and_revokes_a_feed_address()
    {
        await ArrangeAsync();
        await AddEventAsync(March(21, 19), "회원 출사", EventAudience.Members);
        var member = await AddUserAsync("박회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
        SignIn(member);

        var page = RenderCalendar("2026-03");

        page.WaitForAssertion(() => Assert.Contains("회원 출사", page.Find("[data-testid=calendar-list]").TextContent));
        Assert.Contains("회원 전용", page.Find("[data-testid=calendar-list]").TextContent);
        await page.Find("[data-testid=feed-create]").ClickAsync(new());
        var first = page.WaitForElement("input[data-testid=feed-url]").GetAttribute("value")!;
        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics$", first);
        await page.Find("[data-testid=feed-copy]").ClickAsync(new());
        Assert.Equal("http://localhost/calendar/", JSInterop.Invocations["navigator.clipboard.writeText"].Single().Arguments[0]!.ToString()![..26]);
        await page.Find("[data-testid=feed-create]").ClickAsync(new());
        Assert.Equal("새 주소로 바꾸기", page.Find("[data-testid=feed-create]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.NotEqual(first, page.Find("input[data-testid=feed-url]").GetAttribute("value")));
        var revisit = RenderCalendar("2026-03");
        revisit.WaitForAssertion(() => Assert.Contains("한 번만", revisit.Find("[data-testid=feed-exists]").TextContent));
        Assert.Empty(revisit.FindAll("input[data-testid=feed-url]"));

        await page.Find("[data-testid=feed-revoke]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=feed-url]")));
        Assert.Empty(page.FindAll("[data-testid=feed-revoke]"));
        var again = RenderCalendar("2026-03");
        again.WaitForAssertion(() => Assert.Equal("구독 주소 만들기", again.Find("[data-testid=feed-create]").TextContent.Trim()));
        Assert.Empty(again.FindAll("[data-testid=feed-exists]"));
    }

    [Fact]
    public async Task The_club_page_shows_visitors_the_next_public_events_and_members_the_member_events_too()
    {
        await ArrangeAsync();
        var soon = DateTimeOffset.UtcNow.AddDays(3);
        var open = await AddEventAsync(soon, "공개 전시회");
        await AddEventAsync(soon.AddDays(1), "회원 모임", EventAudience.Members);
        await AddEventAsync(soon.AddDays(-10), "지난 모임");
        await AddEventAsync(soon.AddDays(2), "준비 중", status: EventStatus.Draft);

        var visitor = Render<ClubPage>(parameters => parameters.Add(p => p.EnglishName, Club));

        visitor.WaitForAssertion(() => Assert.Equal(["공개 전시회"], visitor.FindAll("[data-testid=upcoming-events] + * .event-title").Select(t => t.TextContent)));
        Assert.Equal($"/events/{open}", visitor.Find("[data-testid=upcoming-events] + * a").GetAttribute("href"));
        Assert.Equal("/clubs/photo/calendar", visitor.Find("[data-testid=club-calendar-link]").GetAttribute("href"));

        var member = await AddUserAsync("박회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
        SignIn(member);
        var page = Render<ClubPage>(parameters => parameters.Add(p => p.EnglishName, Club));

        page.WaitForAssertion(() => Assert.Equal(["공개 전시회", "회원 모임"], page.FindAll("[data-testid=upcoming-events] + * .event-title").Select(t => t.TextContent)));
    }
}
