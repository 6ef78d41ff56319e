using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Membership;

/// <summary>
/// Every term a club has had, newest first: from the term it was created in (or its earliest roster, should that be
/// older) to the current one, with or without members. A term outside that list is TERM_NOT_FOUND.
/// </summary>
public static class ClubTerms
{
    public static async Task<IReadOnlyList<Term>> AllAsync(AppDbContext db, long clubId, TimeProvider time, CancellationToken ct)
    {
        var first = await FirstAsync(db, clubId, ct);
        var terms = new List<Term>();
        for (var term = Term.Current(time); term.CompareTo(first) >= 0; term = term.Previous) terms.Add(term);
        return terms;
    }

    public static async Task<Term> FirstAsync(AppDbContext db, long clubId, CancellationToken ct)
    {
        var createdAt = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.CreatedAt).SingleAsync(ct);
        var earliestKey = await db.Memberships.Where(m => m.ClubId == clubId).MinAsync(m => (string?)m.TermKey, ct);
        var first = Term.Of(DateOnly.FromDateTime(createdAt.ToKst().DateTime));
        return earliestKey is not null && Term.Parse(earliestKey).CompareTo(first) < 0 ? Term.Parse(earliestKey) : first;
    }

    /// <summary>The term a caller asked for (the current one when none): malformed is INVALID_INPUT, unknown TERM_NOT_FOUND.</summary>
    public static async Task<Term> RequireAsync(AppDbContext db, long clubId, string? key, TimeProvider time, CancellationToken ct)
    {
        var current = Term.Current(time);
        if (key is not { Length: > 0 }) return current;
        var term = Term.Parse(key);
        if (term.CompareTo(current) > 0 || term.CompareTo(await FirstAsync(db, clubId, ct)) < 0)
            throw AppException.NotFound(ErrorCodes.TermNotFound);
        return term;
    }
}
