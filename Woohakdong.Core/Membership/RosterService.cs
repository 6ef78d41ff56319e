using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Membership;

/// <summary>The club's roster (명부) by term, for officers and above.</summary>
public sealed class RosterService(IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, TimeProvider time)
{
    public async Task<IReadOnlyList<RosterEntry>> GetAsync(long clubId, RosterQuery query, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanViewRoster, ct);
        var termKey = query.TermKey is { Length: > 0 } key ? Term.Parse(key).Key : Term.Current(time).Key;
        var search = TextRules.SearchTerm(query.Search);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var members = db.Memberships.AsNoTracking().Where(m => m.ClubId == clubId && m.TermKey == termKey);
        if (search.Length > 0)
            members = members.Where(m => m.User.DisplayName.ToLower().Contains(search) || m.User.Email!.ToLower().Contains(search));
        if (query.Role is { } role)
        {
            if (!Enum.IsDefined(role)) throw AppException.Validation(ErrorCodes.RoleInvalid, "role");
            members = members.Where(m => m.Role == role);
        }
        return await members
            .OrderByDescending(m => m.Role).ThenBy(m => m.User.DisplayName)
            .Select(m => new RosterEntry(
                m.Id, m.UserId, m.User.DisplayName, m.User.Email ?? "", m.User.School, m.User.Major,
                m.User.StudentNumber, m.User.Phone, m.Role, m.TermKey, m.CreatedAt,
                db.JoinOrders.Any(o => o.UserId == m.UserId && o.GroupId == m.JoinGroupId && o.Status == OrderStatus.Completed)))
            .ToListAsync(ct);
    }

    /// <summary>Every term the club has had, newest first (<see cref="ClubTerms"/>).</summary>
    public async Task<IReadOnlyList<Term>> TermsAsync(long clubId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanViewRoster, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ClubTerms.AllAsync(db, clubId, time, ct);
    }
}
