using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Accounts;

/// <summary>The signed-in user's own profile (이름, 학교, 학과, 학번, 연락처).</summary>
public sealed class ProfileService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<ProfileView> GetAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw AppException.NotFound(ErrorCodes.UserNotFound);
        return ToView(user);
    }

    public async Task<ProfileView> UpdateAsync(ProfileInput input, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        var profile = ProfileRules.Normalize(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw AppException.NotFound(ErrorCodes.UserNotFound);
        user.DisplayName = profile.Name;
        user.School = profile.School;
        user.Major = profile.Major;
        user.StudentNumber = profile.StudentNumber;
        user.Phone = profile.Phone;
        await db.SaveChangesAsync(ct);
        return ToView(user);
    }

    private static ProfileView ToView(AppUser user) => new(
        user.Email ?? "", user.DisplayName, user.School, user.Major, user.StudentNumber, user.Phone, user.HasCompleteProfile);
}
