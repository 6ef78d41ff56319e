using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notices;

/// <summary>Notices against the services, once per provider: who sees what, in which order, edits, reads and notifications.</summary>
public abstract class NoticeServiceTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    private static NoticeInput Input(string title, NoticeAudience audience = NoticeAudience.Members, bool pinned = false, bool notify = false) =>
        new(title, $"{title} 내용입니다.", audience, pinned, notify);

    private async Task<NoticeView> PostAsync(ClubCast cast, NoticeInput input)
    {
        Core.ActAs(cast.Officer.UserId);
        return await Core.Get<PostNotice>().PostAsync(cast.ClubId, input, Ct);
    }

    private async Task<IReadOnlyList<string>> TitlesAsync(long clubId, Guid? caller, bool publicOnly = false)
    {
        Core.ActAs(caller);
        return [.. (await Core.Get<NoticeQueries>().ListAsync(clubId, publicOnly, Ct)).Select(n => n.Title)];
    }

    [Fact]
    public async Task Members_see_every_notice_pinned_first_then_newest_and_others_only_public_ones()
    {
        var cast = await Core.SeedClubCastAsync();
        await PostAsync(cast, Input("오래된 공지"));
        Core.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(cast, Input("고정 공지", pinned: true));
        Core.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(cast, Input("공개 모집", NoticeAudience.Public));
        Core.Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync(cast, Input("최신 공지"));

        Assert.Equal(["고정 공지", "최신 공지", "공개 모집", "오래된 공지"], await TitlesAsync(cast.ClubId, cast.Member.UserId));
        Assert.Equal(["공개 모집"], await TitlesAsync(cast.ClubId, cast.Student));
        Assert.Equal(["공개 모집"], await TitlesAsync(cast.ClubId, null));
        Assert.Equal(["공개 모집"], await TitlesAsync(cast.ClubId, cast.OfficerOfAnotherClub.UserId));
        Assert.Equal(["공개 모집"], await TitlesAsync(cast.ClubId, cast.Member.UserId, publicOnly: true));
    }

    [Fact]
    public async Task A_member_who_joins_later_sees_the_earlier_notices_and_last_terms_members_do_not()
    {
        var cast = await Core.SeedClubCastAsync();
        var notice = await PostAsync(cast, Input("가입 전 공지"));
        var newcomer = await Core.AddUserAsync("신입");
        await Core.AddMembershipAsync(cast.ClubId, newcomer.Id, ClubRole.Member);
        var alumnus = await Core.AddUserAsync("졸업생");
        await Core.AddMembershipAsync(cast.ClubId, alumnus.Id, ClubRole.Member, Core.CurrentTerm.Previous);

        Assert.Equal(["가입 전 공지"], await TitlesAsync(cast.ClubId, newcomer.Id));
        Assert.Empty(await TitlesAsync(cast.ClubId, alumnus.Id));
        Core.ActAs(alumnus.Id);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<NoticeQueries>().GetAsync(notice.NoticeId, Ct));
        Core.ActAs(null);
        await Refusal.ThrowsAsync(ErrorKind.Unauthorized, ErrorCodes.Unauthorized, () => Core.Get<NoticeQueries>().GetAsync(notice.NoticeId, Ct));
    }

    [Fact]
    public async Task An_edit_keeps_the_replaced_text_and_marks_the_notice_edited_and_a_pin_alone_is_no_edit()
    {
        var cast = await Core.SeedClubCastAsync();
        var notice = await PostAsync(cast, Input("모임 장소"));
        Core.ActAs(cast.President.UserId);
        var edits = Core.Get<EditNotice>();

        var pinned = await edits.EditAsync(notice.NoticeId, Input("모임 장소", pinned: true), Ct);
        Assert.Null(pinned.EditedAt);
        Core.Clock.Advance(TimeSpan.FromMinutes(5));
        var edited = await edits.EditAsync(notice.NoticeId, new NoticeInput("모임 장소 변경", "**305호**로 바뀌었습니다.", NoticeAudience.Members, true), Ct);

        Assert.Equal(Core.Clock.GetUtcNow(), edited.EditedAt);
        Assert.Contains("<strong>305호</strong>", edited.Html);
        var history = await Core.Get<NoticeQueries>().HistoryAsync(notice.NoticeId, Ct);
        var before = Assert.Single(history);
        Assert.Equal(("모임 장소", "모임 장소 내용입니다.", "김회장"), (before.Title, before.Body, before.ReplacedByName));
        Core.ActAs(cast.Member.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<NoticeQueries>().HistoryAsync(notice.NoticeId, Ct));
    }

    [Fact]
    public async Task Read_counts_are_for_officers_and_count_each_member_of_this_term_once()
    {
        var cast = await Core.SeedClubCastAsync();
        var notice = await PostAsync(cast, Input("읽음 확인"));
        var alumnus = await Core.AddUserAsync("졸업생");
        await Core.AddMembershipAsync(cast.ClubId, alumnus.Id, ClubRole.Member, Core.CurrentTerm.Previous);
        await PostAsync(cast, Input("공개", NoticeAudience.Public));

        foreach (var reader in new[] { cast.Member.UserId, cast.Member.UserId, cast.Secretary.UserId, cast.VicePresident.UserId })
            await ReadAsAsync(reader, notice.NoticeId);

        Core.ActAs(cast.Officer.UserId);
        var seen = await Core.Get<NoticeQueries>().GetAsync(notice.NoticeId, Ct);
        Assert.Equal((3, 5), (seen.ReadCount, seen.MemberCount));
        Core.ActAs(cast.Member.UserId);
        var asMember = await Core.Get<NoticeQueries>().GetAsync(notice.NoticeId, Ct);
        Assert.Equal((true, null, null), (asMember.ReadByMe, asMember.ReadCount, asMember.MemberCount));
        Core.ActAs(alumnus.Id);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<NoticeReads>().MarkReadAsync(notice.NoticeId, Ct));
    }

    private async Task ReadAsAsync(Guid reader, long noticeId)
    {
        Core.ActAs(reader);
        await Core.Get<NoticeReads>().MarkReadAsync(noticeId, Ct);
    }

    [Fact]
    public async Task Posting_with_notify_tells_every_member_of_this_term_but_the_author_in_one_go()
    {
        var cast = await Core.SeedClubCastAsync();
        var alumnus = await Core.AddUserAsync("졸업생");
        await Core.AddMembershipAsync(cast.ClubId, alumnus.Id, ClubRole.Member, Core.CurrentTerm.Previous);

        var notice = await PostAsync(cast, Input("정기 총회", notify: true));
        await PostAsync(cast, Input("조용한 공지"));

        await using var db = await Core.DbAsync();
        var told = await db.Notifications.Where(n => n.Kind == NotificationKind.NoticePosted && n.Link!.EndsWith($"/notices/{notice.NoticeId}"))
            .ToListAsync(Ct);
        Assert.Equal(
            new[] { cast.President, cast.VicePresident, cast.Secretary, cast.Member }.Select(m => m.UserId).Order(),
            told.Select(n => n.RecipientId).Order());
        Assert.All(told, n => Assert.Equal((true, EmailStatus.Pending, Core.Clock.GetUtcNow()), (n.InInbox, n.EmailStatus, n.CreatedAt)));
        Assert.Equal("정기 총회", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(told[0].Parameters)!["title"]);
        Assert.Equal(4, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.NoticePosted && told.Select(t => t.RecipientId).Contains(n.RecipientId), Ct));
    }

    [Fact]
    public async Task Deleting_removes_the_notice_with_its_reads_and_history()
    {
        var cast = await Core.SeedClubCastAsync();
        var notice = await PostAsync(cast, Input("지울 공지"));
        await ReadAsAsync(cast.Member.UserId, notice.NoticeId);
        Core.ActAs(cast.Officer.UserId);
        await Core.Get<EditNotice>().EditAsync(notice.NoticeId, Input("고친 공지"), Ct);

        await Core.Get<DeleteNotice>().DeleteAsync(notice.NoticeId, Ct);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.NoticeNotFound, () => Core.Get<NoticeQueries>().GetAsync(notice.NoticeId, Ct));
        await using var db = await Core.DbAsync();
        Assert.False(await db.NoticeReads.AnyAsync(r => r.NoticeId == notice.NoticeId, Ct));
        Assert.False(await db.NoticeRevisions.AnyAsync(r => r.NoticeId == notice.NoticeId, Ct));
    }

    [Theory]
    [InlineData("", "본문", ErrorCodes.NoticeTitleRequired, "title")]
    [InlineData("제목", "  ", ErrorCodes.NoticeBodyRequired, "body")]
    [InlineData("제목\n둘째 줄", "본문", ErrorCodes.TextControlCharacter, "title")]
    [InlineData("제목", "본문\u202Egnp.exe", ErrorCodes.TextControlCharacter, "body")]
    [InlineData("제목", "![외부](https://tracker.example/pixel.png)", ErrorCodes.NoticeImageNotAllowed, "https://tracker.example/pixel.png")]
    [InlineData("제목", "![남의 키](clubs/999999/uploads/2026/12/abc.png)", ErrorCodes.ImageNotIssued, "clubs/999999/uploads/2026/12/abc.png")]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_saved(string title, string body, string code, string field)
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.Officer.UserId);

        var error = await Refusal.ThrowsAsync(ErrorKind.Validation, code,
            () => Core.Get<PostNotice>().PostAsync(cast.ClubId, new NoticeInput(title, body, NoticeAudience.Members, false), Ct));

        Assert.Equal(field, error.Field);
        await using var db = await Core.DbAsync();
        Assert.False(await db.Notices.AnyAsync(n => n.ClubId == cast.ClubId, Ct));
    }

    [Fact]
    public async Task Overlong_title_and_body_and_an_unknown_audience_are_refused()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.Officer.UserId);
        var post = Core.Get<PostNotice>();

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.NoticeTitleTooLong,
            () => post.PostAsync(cast.ClubId, new NoticeInput(new string('가', 101), "본문", NoticeAudience.Members, false), Ct));
        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.NoticeBodyTooLong,
            () => post.PostAsync(cast.ClubId, new NoticeInput("제목", new string('가', 20_001), NoticeAudience.Members, false), Ct));
        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.NoticeAudienceInvalid,
            () => post.PostAsync(cast.ClubId, new NoticeInput("제목", "본문", (NoticeAudience)7, false), Ct));
    }
}

public sealed class SqliteNoticeServiceTests(SqliteCore core) : NoticeServiceTests<SqliteCore>(core);

public sealed class PostgresNoticeServiceTests(PostgresCore core) : NoticeServiceTests<PostgresCore>(core);
