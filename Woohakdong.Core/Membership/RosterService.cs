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
        if (query.Role is { } role && !Enum.IsDefined(role)) throw AppException.Validation(ErrorCodes.RoleInvalid, "role");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RosterRows.Of(db, clubId, termKey, search, query.Role).ToListAsync(ct);
    }

    /// <summary>Every term the club has had, newest first (<see cref="ClubTerms"/>).</summary>
    public async Task<IReadOnlyList<Term>> TermsAsync(long clubId, CancellationToken ct = default)
    {
        await access.RequireAsync(clubId, RolePolicy.CanViewRoster, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ClubTerms.AllAsync(db, clubId, time, ct);
    }
}
