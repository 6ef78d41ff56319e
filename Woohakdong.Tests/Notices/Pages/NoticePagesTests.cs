using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Components.Pages.Clubs;
using Woohakdong.Web.Components.Pages.Notices;

namespace Woohakdong.Tests.Notices.Pages;

/// <summary>The notice tab, editor, members' list and page, and the club page's public notices, over the real services.</summary>
public sealed class NoticePagesTests : CorePageTest
{
    private const string Club = "photo";
    private long clubId;
    private Guid officer;
    private Guid member;

    private async Task ArrangeAsync()
    {
        var president = await AddUserAsync("김회장");
        clubId = await AddClubAsync(Club, president);
        officer = await AddUserAsync("한임원");
        await AddMemberAsync(clubId, officer, ClubRole.Officer);
        member = await AddUserAsync("박회원");
        await AddMemberAsync(clubId, member, ClubRole.Member);
    }

    private async Task<long> AddNoticeAsync(string title, string body, NoticeAudience audience = NoticeAudience.Members, bool pinned = false,
        DateTimeOffset? at = null, bool edited = false, params Guid[] readers)
    {
        var notice = new Notice { ClubId = clubId, AuthorId = officer, Title = title, Body = body, Audience = audience, Pinned = pinned };
        await ChangeDatabaseAsync(db =>
        {
            db.Notices.Add(notice);
            return Task.CompletedTask;
        });
        await ChangeDatabaseAsync(async db =>
        {
            // The audit stamps CreatedAt on save; the order the test needs is set afterwards.
            await db.Notices.Where(n => n.Id == notice.Id).ExecuteUpdateAsync(set => set
                .SetProperty(n => n.CreatedAt, at ?? DateTimeOffset.UtcNow)
                .SetProperty(n => n.EditedAt, edited ? DateTimeOffset.UtcNow : null));
            if (edited) db.NoticeRevisions.Add(new NoticeRevision { NoticeId = notice.Id, Title = "옛 제목", Body = "옛 **내용**", ReplacedAt = DateTimeOffset.UtcNow, ReplacedBy = officer });
            db.NoticeReads.AddRange(readers.Select(reader => new NoticeRead { NoticeId = notice.Id, UserId = reader, ReadAt = DateTimeOffset.UtcNow }));
        });
        return notice.Id;
    }

    [Fact]
    public async Task The_tab_lists_pinned_first_with_read_counts_and_the_edited_mark_and_shows_the_history()
    {
        await ArrangeAsync();
        await AddNoticeAsync("지난 공지", "내용", at: DateTimeOffset.UtcNow.AddDays(-2), edited: true);
        await AddNoticeAsync("고정 공지", "내용", pinned: true, at: DateTimeOffset.UtcNow.AddDays(-5), readers: [member, officer]);
        SignIn(officer);

        var page = RenderWithHosts<NoticesTab>((nameof(NoticesTab.ClubId), clubId), (nameof(NoticesTab.EnglishName), Club));

        page.WaitForAssertion(() => Assert.Equal(["고정 공지", "지난 공지"], page.FindAll("[data-testid=notice-title]").Select(t => t.TextContent)));
        Assert.Equal(["읽음 2/3", "읽음 0/3"], page.FindAll("[data-testid=notice-read-count]").Select(c => c.TextContent.Trim()));
        Assert.Equal("수정됨", Assert.Single(page.FindAll("[data-testid=notice-edited]")).TextContent);
        await page.Find("[data-testid=notice-history] .mud-expand-panel-header").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("<strong>내용</strong>", page.Find("[data-testid=notice-revision]").InnerHtml));
    }

    [Fact]
    public async Task An_officer_previews_and_posts_a_notice_and_a_refusal_shows_its_text()
    {
        await ArrangeAsync();
        SignIn(officer);
        var page = RenderWithHosts<NoticesTab>((nameof(NoticesTab.ClubId), clubId), (nameof(NoticesTab.EnglishName), Club));
        page.WaitForElement("[data-testid=notices-empty]");
        await page.Find("[data-testid=notice-new]").ClickAsync(new());

        await page.Find("textarea[data-testid=notice-body-field]").ChangeAsync(new ChangeEventArgs { Value = "**중요** <script>alert(1)</script>" });
        await page.Find("[data-testid=notice-save]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("공지 제목을 입력하세요.", page.Find("[data-testid=notice-error]").TextContent));
        await page.FindAll(".mud-tab").Single(tab => tab.TextContent.Contains("미리보기")).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("<strong>중요</strong>", page.Find("[data-testid=notice-preview]").InnerHtml));
        Assert.DoesNotContain("<script", page.Find("[data-testid=notice-preview]").InnerHtml);
        await page.Find("input[data-testid=notice-title-field]").ChangeAsync(new ChangeEventArgs { Value = "총회 안내" });
        await page.Find("[data-testid=notice-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("총회 안내", page.Find("[data-testid=notice-title]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=notice-editor]"));
        Assert.Equal("총회 안내", await QueryAsync(db => db.Notices.Where(n => n.ClubId == clubId).Select(n => n.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_member_sees_unread_notices_marked_and_opening_one_reads_it()
    {
        await ArrangeAsync();
        var noticeId = await AddNoticeAsync("정기 모임", "모임은 <b onclick=\"x()\">목요일</b>", pinned: true);
        await AddNoticeAsync("읽은 공지", "내용", at: DateTimeOffset.UtcNow.AddDays(-1), readers: [member]);
        SignIn(member);

        var list = Render<ClubNotices>(p => p.Add(c => c.EnglishName, Club));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=notice-card]").Count));
        Assert.Single(list.FindAll("[data-testid=notice-unread]"));
        Assert.Equal($"/clubs/{Club}/notices/{noticeId}", list.Find("[data-testid=notice-title]").GetAttribute("href"));
        Assert.Empty(list.FindAll("[data-testid=notice-read-count]"));

        var detail = Render<NoticePage>(p => p.Add(c => c.EnglishName, Club).Add(c => c.NoticeId, noticeId));

        detail.WaitForAssertion(() => Assert.Contains("목요일", detail.Find("[data-testid=notice-body]").TextContent));
        Assert.DoesNotContain("onclick", detail.Find("[data-testid=notice-body]").InnerHtml);
        Assert.True(await QueryAsync(db => db.NoticeReads.AnyAsync(r => r.NoticeId == noticeId && r.UserId == member)));
    }

    [Fact]
    public async Task The_club_page_shows_only_public_notices_to_a_visitor()
    {
        await ArrangeAsync();
        await AddNoticeAsync("회원 전용", "내용");
        await AddNoticeAsync("신입 모집", "누구나 **환영**", NoticeAudience.Public);

        var page = Render<ClubPage>(p => p.Add(c => c.EnglishName, Club));

        page.WaitForAssertion(() => Assert.Equal("신입 모집", page.Find("[data-testid=public-notices] ~ [data-testid=notice-card] [data-testid=notice-title]").TextContent));
        Assert.DoesNotContain("회원 전용", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=club-notices-link]"));
    }
}
