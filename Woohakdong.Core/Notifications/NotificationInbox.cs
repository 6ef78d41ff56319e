using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notifications;

public sealed record NotificationView(
    long Id, NotificationKind Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>
/// The caller's inbox: newest first, rendered in the caller's language. Another user's notification answers
/// NOTIFICATION_NOT_FOUND, as an unknown one does. Reading is one conditional update, so a "read all" racing new
/// notifications marks only what existed and counts stay true; every change is announced to the caller's open pages.
/// </summary>
public sealed class NotificationInbox(
    IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, NotificationRenderer renderer, TimeProvider time,
    IEventChannel<InboxChanged> events)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(bool unreadOnly = false, int take = PageSize, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId && n.InInbox);
        if (unreadOnly) mine = mine.Where(n => n.ReadAt == null);
        var rows = await mine.OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, PageSize)).ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        return [.. rows.Select(n =>
        {
            var text = renderer.Render(n, culture);
            return new NotificationView(n.Id, n.Kind, text.Title, text.Body, n.Link, n.CreatedAt, n.ReadAt);
        })];
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientId == userId && n.InInbox && n.ReadAt == null, ct);
    }

    public async Task MarkReadAsync(long notificationId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == userId && n.InInbox);
        if (await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct) == 1)
            await events.PublishAsync(new InboxChanged(userId));
        else if (!await mine.AnyAsync(ct))
            throw AppException.NotFound(ErrorCodes.NotificationNotFound);
    }

    /// <summary>Marks every unread notification read; returns how many were.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var marked = await db.Notifications.Where(n => n.RecipientId == userId && n.InInbox && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0) await events.PublishAsync(new InboxChanged(userId));
        return marked;
    }
}
