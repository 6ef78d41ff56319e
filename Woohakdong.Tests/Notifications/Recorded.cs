using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Tests.Notifications;

/// <summary>What the outbox holds, as the tests ask it: the notifications of one recipient, of one kind or all.</summary>
public static class Recorded
{
    public static async Task<List<Notification>> NotificationsAsync(
        Func<Task<AppDbContext>> database, Guid recipient, NotificationKind? kind = null)
    {
        await using var db = await database();
        return await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == recipient && (kind == null || n.Kind == kind))
            .OrderBy(n => n.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static Dictionary<string, string> ParametersOf(Notification notification) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(notification.Parameters)!;
}
