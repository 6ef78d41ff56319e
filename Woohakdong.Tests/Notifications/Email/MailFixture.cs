using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications.Email;

/// <summary>Accounts and notifications straight into an app's database, for the e-mail tests.</summary>
public static class MailFixture
{
    /// <summary>An account with a unique address of its own (the SMTP server is shared), not yet saved.</summary>
    public static AppUser NewUser(string name, string language = "ko")
    {
        var email = $"mail-{Guid.NewGuid():N}@woohakdong.test";
        return new AppUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = name, Language = language,
        };
    }

    public static async Task<AppUser> AddUserAsync(IServiceProvider services, string name, string language = "ko")
    {
        var user = NewUser(name, language);
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task RecordAsync(IServiceProvider services, params NotificationDraft[] drafts)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        scope.ServiceProvider.GetRequiredService<NotificationOutbox>().Record(db, drafts);
        await db.SaveChangesAsync();
    }

    public static async Task<List<Notification>> NotificationsOfAsync(IServiceProvider services, Guid userId)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == userId).OrderBy(n => n.Id).ToListAsync();
    }
}
