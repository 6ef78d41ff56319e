using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Tests.Notifications;

/// <summary>Notifications recorded the way a feature records them: the outbox into a fresh context, then SaveChanges.</summary>
public static class Inboxes
{
    public static async Task RecordAsync(this IServiceProvider services, params NotificationDraft[] drafts)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        services.GetRequiredService<NotificationOutbox>().Record(db, drafts);
        await db.SaveChangesAsync();
    }

    public static NotificationDraft RoleChanged(Guid recipient, string club = "사진 동아리", ClubRole role = ClubRole.Officer) =>
        NotificationDraft.RoleChanged(recipient, club, "photo", role);

    public static async Task<Guid> UserIdAsync(this IServiceProvider services, string email)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
