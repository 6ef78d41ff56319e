using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Notifications;

/// <summary>The caller's language for e-mails and, per optional kind, whether it also comes by e-mail (the inbox always gets it).</summary>
public sealed record NotificationSettingsView(string Language, IReadOnlyDictionary<NotificationKind, bool> Email);

/// <summary>
/// Reads and changes <see cref="NotificationSettingsView"/>. A change names only what it changes: a kind left out keeps
/// its setting. Account mails (<see cref="NotificationKinds.IsAccountMail"/>) cannot be turned off.
/// </summary>
public sealed class NotificationSettings(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<NotificationSettingsView> GetAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, userId, ct);
    }

    public async Task<NotificationSettingsView> ChangeAsync(
        string? language, IReadOnlyDictionary<NotificationKind, bool>? email, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        if (language is not null && language is not ("ko" or "en")) throw AppException.Validation(ErrorCodes.LanguageInvalid, "language");
        if (email?.Keys.Any(kind => !NotificationKinds.Optional.Contains(kind)) == true)
            throw AppException.Validation(ErrorCodes.NotificationKindInvalid, "email");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw AppException.Unauthorized();
        if (language is not null) user.Language = language;
        if (email is not null)
        {
            var optedOut = await db.EmailOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
            foreach (var (kind, wanted) in email)
            {
                var existing = optedOut.FirstOrDefault(o => o.Kind == kind);
                if (wanted && existing is not null) db.EmailOptOuts.Remove(existing);
                if (!wanted && existing is null) db.EmailOptOuts.Add(new EmailOptOut { UserId = userId, Kind = kind });
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same opt-out saved by a second tab at once: the setting is what both asked for.
        }
        return await ReadAsync(db, userId, ct);
    }

    private static async Task<NotificationSettingsView> ReadAsync(AppDbContext db, Guid userId, CancellationToken ct)
    {
        var language = await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(ct);
        var optedOut = await db.EmailOptOuts.Where(o => o.UserId == userId).Select(o => o.Kind).ToListAsync(ct);
        return new NotificationSettingsView(language, NotificationKinds.Optional.ToDictionary(kind => kind, kind => !optedOut.Contains(kind)));
    }
}
