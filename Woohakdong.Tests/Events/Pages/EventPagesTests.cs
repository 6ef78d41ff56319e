using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Components.Pages.Events;

namespace Woohakdong.Tests.Events.Pages;

/// <summary>The dashboard's events tab and the check-in page a ticket's QR code opens, over the real services.</summary>
public sealed class EventPagesTests : CorePageTest
{
    private static readonly DateTimeOffset Start =
        new(DateTimeOffset.UtcNow.ToKst().Date.AddDays(10).AddHours(19), KoreanTime.Offset);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private long clubId;
    private Guid officer;
    private Guid member;
    private Guid student;

    private async Task ArrangeAsync()
    {
        var president = await AddUserAsync("김회장");
        clubId = await AddClubAsync("photo", president);
        officer = await AddUserAsync("한임원");
        await AddMemberAsync(clubId, officer, ClubRole.Officer);
        member = await AddUserAsync("박회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
        student = await AddUserAsync("이학생");
    }

    private async Task<(EventView Event, string Ticket)> SignedUpAsync()
    {
        SignIn(officer);
        var clubEvent = await Services.GetRequiredService<EventService>().CreateAsync(clubId, new EventInput(
            "정기 모임", "", "학생회관 304호", Start, Start.AddHours(2), 20, null, EventAudience.Anyone), publish: true, Ct);
        SignIn(student);
        await Services.GetRequiredService<EventSignups>().SignUpAsync(clubEvent.EventId, ct: Ct);
        var ticket = (await Services.GetRequiredService<EventSignups>().MineAsync(Ct)).Single().CheckInTicket!;
        return (clubEvent, ticket);
    }

    private static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_creates_an_event_in_kst_publishes_it_and_ticks_an_attendee_in()
    {
        await ArrangeAsync();
        SignIn(officer);
        var page = RenderWithHosts<EventsTab>((nameof(EventsTab.ClubId), clubId));
        page.WaitForAssertion(() => page.Find("[data-testid=events-empty]"));

        // The click's handler waits on the dialog until it is saved: not awaited here.
        var creating = page.Find("[data-testid=event-new]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=event-form]"));
        page.Find("#event-title").Change("봄 출사");
        page.Find("#event-place").Change("서울숲");
        page.Find("#event-starts").Change(Local(Start));
        page.Find("#event-ends").Change(Local(Start.AddHours(-1)));
        page.Find("#event-capacity").Change("20");
        await page.Find("[data-testid=event-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("끝나는 시각은 시작 시각보다 뒤여야 합니다.", page.Find("[data-testid=event-form-error]").TextContent.Trim()));
        page.Find("#event-ends").Change(Local(Start.AddHours(3)));
        await page.Find("[data-testid=event-save]").ClickAsync(new());

        await creating;
        page.WaitForAssertion(() => Assert.Equal("봄 출사", page.Find("[data-testid=event-row-title]").TextContent.Trim()));
        Assert.Equal(("임시 저장", "0 / 20"), (page.Find("[data-testid=event-row-status]").TextContent.Trim(), page.Find("[data-testid=event-row-fill]").TextContent.Trim()));
        var saved = Assert.Single(await Services.GetRequiredService<EventService>().ListAsync(clubId, null, null, Ct));
        Assert.Equal((Start, Start.AddHours(3)), (saved.StartsAt, saved.EndsAt));

        await page.Find("[data-testid=event-publish]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("공개", page.Find("[data-testid=event-row-status]").TextContent.Trim()));
        SignIn(member);
        await Services.GetRequiredService<EventSignups>().SignUpAsync(saved.EventId, ct: Ct);
        SignIn(officer);
        await page.Find("[data-testid=event-signups]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("박회원", page.Find("[data-testid=event-attendee-name]").TextContent));
        page.Find("[data-testid=event-attendee] input[type=checkbox]").Change(true);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=event-attendee-checked-in]")));
        Assert.Equal("출석 1 / 확정 1", page.Find("[data-testid=event-checked-in-count]").TextContent);
        Assert.True(page.Find("[data-testid=event-attendee] input[type=checkbox]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_officer_confirms_a_ticket_once_on_the_check_in_page()
    {
        await ArrangeAsync();
        var (clubEvent, ticket) = await SignedUpAsync();
        SignIn(officer);

        var page = Render<CheckInPage>(p => p.Add(c => c.EventId, clubEvent.EventId).Add(c => c.Ticket, ticket));

        page.WaitForAssertion(() => Assert.Equal(("이학생", "정기 모임"), (page.Find("[data-testid=checkin-name]").TextContent, page.Find("[data-testid=checkin-event]").TextContent)));
        await page.Find("[data-testid=checkin-confirm]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("이학생 님 출석을 확인했습니다.", page.Find("[data-testid=checkin-done]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=checkin-confirm]"));

        var again = Render<CheckInPage>(p => p.Add(c => c.EventId, clubEvent.EventId).Add(c => c.Ticket, ticket));
        again.WaitForAssertion(() => Assert.StartsWith(KstText(DateTimeOffset.UtcNow), again.Find("[data-testid=checkin-done]").TextContent.Trim()));
        Assert.Empty(again.FindAll("[data-testid=checkin-confirm]"));
    }

    [Fact]
    public async Task A_member_a_forged_code_and_another_events_ticket_are_refused_in_korean()
    {
        await ArrangeAsync();
        var (clubEvent, ticket) = await SignedUpAsync();
        SignIn(officer);
        var other = await Services.GetRequiredService<EventService>().CreateAsync(clubId, new EventInput(
            "다른 모임", "", "", Start, Start.AddHours(1), null, null, EventAudience.Anyone), publish: true, Ct);

        SignIn(member);
        var asMember = Render<CheckInPage>(p => p.Add(c => c.EventId, clubEvent.EventId).Add(c => c.Ticket, ticket));
        asMember.WaitForAssertion(() => Assert.Equal("출석 확인은 이 동아리의 임원만 할 수 있습니다.", asMember.Find("[data-testid=checkin-refused]").TextContent.Trim()));
        SignIn(officer);
        foreach (var (eventId, code) in new[] { (clubEvent.EventId, ticket[..^3] + "xyz"), (other.EventId, ticket) })
        {
            var refused = Render<CheckInPage>(p => p.Add(c => c.EventId, eventId).Add(c => c.Ticket, code));
            refused.WaitForAssertion(() => Assert.Equal("이 행사의 올바른 티켓이 아닙니다. 위조되었거나 다른 행사의 티켓입니다.", refused.Find("[data-testid=checkin-refused]").TextContent.Trim()));
            Assert.Empty(refused.FindAll("[data-testid=checkin-confirm]"));
        }
        Assert.Null((await Services.GetRequiredService<EventSignups>().ListAsync(clubEvent.EventId, Ct)).Single().CheckedInAt);
    }

    private static string KstText(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
