using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notices;

namespace Woohakdong.Web.Endpoints;

/// <summary>A club's notices (공지) under /v1: PUBLIC ones for anyone, MEMBERS ones for this term's members, writing for officers.</summary>
public static class NoticesApi
{
    /// <summary>
    /// <c>body</c> is Markdown; its images are upload keys from <c>/v1/utils/images/urls</c> (<c>![](clubs/1/uploads/…)</c>).
    /// <c>notify</c> (posting only) tells this term's members.
    /// </summary>
    public sealed record NoticeRequest(
        [property: Required] string? Title, [property: Required] string? Body, [property: Required] string? Audience,
        bool? Pinned, bool? Notify)
    {
        public NoticeInput ToInput() => new(
            Title!, Body!, EnumNames.Parse<NoticeAudience>(Audience, "audience", ErrorCodes.NoticeAudienceInvalid), Pinned ?? false, Notify ?? false);
    }

    /// <summary>The answer's shape; <c>readCount</c> and <c>memberCount</c> only for the club's officers.</summary>
    public sealed record NoticeResponse(
        long NoticeId, string Title, string Body, string Html, NoticeAudience Audience, bool Pinned,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? EditedAt, string AuthorName, bool Read,
        int? ReadCount, int? MemberCount)
    {
        public static NoticeResponse Of(NoticeView n) => new(
            n.NoticeId, n.Title, n.Body, n.Html, n.Audience, n.Pinned, n.CreatedAt, n.UpdatedAt, n.EditedAt, n.AuthorName, n.ReadByMe,
            n.ReadCount, n.MemberCount);
    }

    /// <summary>An earlier version of a notice, replaced at <c>replacedAt</c> by <c>replacedBy</c>.</summary>
    public sealed record NoticeRevisionResponse(string Title, string Body, string Html, DateTimeOffset ReplacedAt, string ReplacedBy)
    {
        public static NoticeRevisionResponse Of(NoticeRevisionView r) => new(r.Title, r.Body, r.Html, r.ReplacedAt, r.ReplacedByName);
    }

    public static void MapNoticesApi(this RouteGroupBuilder v1)
    {
        var club = v1.MapGroup("/clubs/{clubId:long}/notices").WithTags("Notices");
        club.MapGet("/", List);
        club.MapPost("/", Post).RequireAuthorization();
        var notices = v1.MapGroup("/notices/{noticeId:long}").WithTags("Notices");
        notices.MapGet("/", Get);
        notices.MapPut("/", Edit).RequireAuthorization();
        notices.MapDelete("/", Delete).RequireAuthorization();
        notices.MapPost("/read", Read).RequireAuthorization();
        notices.MapGet("/revisions", Revisions).RequireAuthorization();
    }

    private static async Task<Ok<IReadOnlyList<NoticeResponse>>> List(long clubId, NoticeQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<NoticeResponse>>([.. (await queries.ListAsync(clubId, ct: ct)).Select(NoticeResponse.Of)]);

    private static async Task<Created<NoticeResponse>> Post(long clubId, NoticeRequest request, PostNotice post, CancellationToken ct)
    {
        var notice = await post.PostAsync(clubId, request.ToInput(), ct);
        return TypedResults.Created($"/v1/notices/{notice.NoticeId}", NoticeResponse.Of(notice));
    }

    private static async Task<Ok<NoticeResponse>> Get(long noticeId, NoticeQueries queries, CancellationToken ct) =>
        TypedResults.Ok(NoticeResponse.Of(await queries.GetAsync(noticeId, ct)));

    /// <summary>The edit history (수정 이력), newest first, for the club's officers.</summary>
    private static async Task<Ok<IReadOnlyList<NoticeRevisionResponse>>> Revisions(long noticeId, NoticeQueries queries, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<NoticeRevisionResponse>>([.. (await queries.HistoryAsync(noticeId, ct)).Select(NoticeRevisionResponse.Of)]);

    private static async Task<Ok<NoticeResponse>> Edit(long noticeId, NoticeRequest request, EditNotice edit, CancellationToken ct) =>
        TypedResults.Ok(NoticeResponse.Of(await edit.EditAsync(noticeId, request.ToInput(), ct)));

    private static async Task<NoContent> Delete(long noticeId, DeleteNotice delete, CancellationToken ct)
    {
        await delete.DeleteAsync(noticeId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Read(long noticeId, NoticeReads reads, CancellationToken ct)
    {
        await reads.MarkReadAsync(noticeId, ct);
        return TypedResults.NoContent();
    }
}
