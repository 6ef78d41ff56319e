using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Calendar;
using Woohakdong.Web.Components.Pages.Calendar;

namespace Woohakdong.Web.Endpoints;

/// <summary>Calendars under /v1 (a club's month, 내 일정, feed addresses) and the feeds themselves at <c>/calendar/{token}.ics</c>.</summary>
public static class CalendarApi
{
    public const string IcsContentType = "text/calendar; charset=utf-8";

    /// <summary>Without <c>clubId</c>: a feed of 내 일정.</summary>
    public sealed record FeedRequest(long? ClubId);

    /// <summary>The address is shown this once: only its hash is kept.</summary>
    public sealed record FeedResponse(long FeedId, long? ClubId, string Url);

    public static void MapCalendarApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/clubs/{clubId:long}/calendar", Club).WithTags("Calendar");
        var me = v1.MapGroup("/me").WithTags("Calendar").RequireAuthorization();
        me.MapGet("/calendar", Mine);
        me.MapGet("/calendar-feeds", Feeds);
        me.MapPost("/calendar-feeds", CreateFeed);
        me.MapDelete("/calendar-feeds/{feedId:long}", RevokeFeed);
    }

    /// <summary>Anonymous: calendar apps cannot sign in, the secret token is the key. Unknown or revoked → 404 CALENDAR_FEED_NOT_FOUND.</summary>
    public static void MapCalendarFeeds(this IEndpointRouteBuilder app) =>
        app.MapGet("/calendar/{token}.ics", Feed).WithTags("Calendar").AllowAnonymous();

    private static async Task<Ok<ClubCalendar>> Club(long clubId, string? month, CalendarQueries queries, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await queries.ClubAsync(clubId, CalendarRange.ParseMonth(month, time), ct));

    private static async Task<Ok<IReadOnlyList<CalendarEntry>>> Mine(string? from, string? to, CalendarQueries queries, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(CalendarRange.ParseDays(from, to, time), ct));

    private static async Task<Ok<IReadOnlyList<CalendarFeedView>>> Feeds(CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.MineAsync(ct));

    private static async Task<Created<FeedResponse>> CreateFeed(FeedRequest? request, CalendarFeeds feeds, HttpRequest http, CancellationToken ct)
    {
        var created = await feeds.CreateAsync(request?.ClubId, ct);
        return TypedResults.Created($"/v1/me/calendar-feeds/{created.FeedId}",
            new FeedResponse(created.FeedId, created.ClubId, CalendarPaths.Feed(BaseOf(http), created.Token)));
    }

    private static async Task<NoContent> RevokeFeed(long feedId, CalendarFeeds feeds, CancellationToken ct)
    {
        await feeds.RevokeAsync(feedId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<ContentHttpResult> Feed(string token, CalendarFeeds feeds, HttpRequest http, CancellationToken ct) =>
        TypedResults.Content(await feeds.ReadAsync(token, new Uri(BaseOf(http) + "/"), ct), IcsContentType);

    private static string BaseOf(HttpRequest http) => $"{http.Scheme}://{http.Host}{http.PathBase}";
}
