using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// A user's secret feed addresses: made (one live per club and one for 내 일정; making another replaces it), listed,
/// revoked, and read by calendar apps that cannot sign in. A revoked or unknown token is CALENDAR_FEED_NOT_FOUND.
/// </summary>
public sealed class CalendarFeeds(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, CalendarQueries queries, TimeProvider time)
{
    /// <summary>What a feed holds: three months back (so a subscriber keeps recent history) and a year ahead.</summary>
    public static CalendarRange WindowAt(DateOnly today) => new(today.AddMonths(-3), today.AddYears(1));

    /// <summary>A new address for one club's calendar, or for 내 일정 without <paramref name="clubId"/>; the one it replaces stops at once.</summary>
    public async Task<CalendarFeedCreated> CreateAsync(long? clubId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (clubId is { } id && !await db.Clubs.AnyAsync(c => c.Id == id, ct)) throw AppException.NotFound(ErrorCodes.ClubNotFound);
        var now = time.GetUtcNow();
        await db.CalendarFeeds.Where(f => f.UserId == userId && f.ClubId == clubId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.UpdatedAt, now), ct);
        var token = FeedTokens.New();
        var feed = new CalendarFeed { UserId = userId, ClubId = clubId, TokenHash = FeedTokens.Hash(token) };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return new CalendarFeedCreated(feed.Id, clubId, token);
    }

    public async Task<IReadOnlyList<CalendarFeedView>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId && f.RevokedAt == null)
            .Select(f => new CalendarFeedView(f.Id, f.ClubId, f.CreatedAt)).ToListAsync(ct);
        return feeds.OrderBy(f => f.FeedId).Select(f => f with { CreatedAt = f.CreatedAt.ToKst() }).ToList();
    }

    /// <summary>Only the owner's live feed; another's or a revoked one is not found, so feed ids reveal nothing.</summary>
    public async Task RevokeAsync(long feedId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revoked = await db.CalendarFeeds.Where(f => f.Id == feedId && f.UserId == userId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.UpdatedAt, now), ct);
        if (revoked == 0) throw AppException.NotFound(ErrorCodes.CalendarFeedNotFound);
    }

    /// <summary>The iCalendar document of a live token, with the visibility of its owner now; links start at <paramref name="baseAddress"/>.</summary>
    public async Task<string> ReadAsync(string token, Uri baseAddress, CancellationToken ct = default)
    {
        CalendarFeed feed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var hash = FeedTokens.Hash(token);
            feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, ct)
                ?? throw AppException.NotFound(ErrorCodes.CalendarFeedNotFound);
        }
        var window = WindowAt(time.Today());
        if (feed.ClubId is { } clubId)
        {
            var club = await queries.ClubForAsync(feed.UserId, clubId, window, ct);
            return IcsDocument.Write(club.ClubName, club.Events, baseAddress, time.GetUtcNow());
        }
        return IcsDocument.Write(IcsDocument.MyCalendarName, await queries.MineForAsync(feed.UserId, window, ct), baseAddress, time.GetUtcNow());
    }
}
