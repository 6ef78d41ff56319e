using System.Linq.Expressions;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>Whatever a seat gave its student (a membership, an event sign-up); its id is known once saved.</summary>
public interface IGrantedSeat
{
    long Id { get; }
}

/// <summary>
/// One kind of pool's part in the seat engine: when its seats are open, who may take one, and what a seat gives. The
/// one <see cref="SeatService"/>, <see cref="HoldService"/> and order completion ask it; the lock, counter, holds and
/// payments stay theirs.
/// </summary>
public interface ISeatGrant
{
    PoolKind Kind { get; }

    /// <summary>The answer when no pool of this kind has the id asked for (GROUP_NOT_FOUND, EVENT_NOT_FOUND).</summary>
    string NotFoundCode { get; }

    /// <summary>The refusal when the pool is not open to the crowd (NOT_RECRUITING, NOT_OPEN).</summary>
    string NotOpenCode { get; }

    /// <summary>The refusal when the same student arrives twice at once (the grant's unique index).</summary>
    string DuplicateCode { get; }

    /// <summary>Open to the crowd at <paramref name="now"/>, in SQL: the guarded counter update takes a seat only inside it.</summary>
    Expression<Func<SeatPool, bool>> OpenAt(DateTimeOffset now);

    /// <summary>Whether a seat already held is still given when its payment arrives; otherwise the payment is refunded.</summary>
    bool Honours(SeatPool pool);

    /// <summary>
    /// Throws the refusal when <paramref name="userId"/> may not take a seat in <paramref name="pool"/> now; the engine then
    /// checks the profile and <see cref="FindGrantedAsync"/> (<see cref="DuplicateCode"/>).
    /// </summary>
    Task RefuseUnlessEligibleAsync(AppDbContext db, SeatPool pool, Guid userId, bool forHold, DateTimeOffset now, CancellationToken ct);

    /// <summary>What <paramref name="userId"/> already has from the pool (one person never needs two seats), or null.</summary>
    Task<IGrantedSeat?> FindGrantedAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct);

    /// <summary>Adds what the seat gives to <paramref name="db"/> for the caller's save, in the seat's transaction.</summary>
    Task<IGrantedSeat> GrantAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct);

    /// <summary>
    /// Takes the grant back when its money is refunded, in the refund's transaction; true when there was one (its seat is
    /// then freed by the caller).
    /// </summary>
    Task<bool> RevokeAsync(AppDbContext db, SeatPool pool, Guid userId, CancellationToken ct);
}

/// <summary>The grant of each kind of pool.</summary>
public sealed class SeatGrants(IEnumerable<ISeatGrant> grants)
{
    private readonly Dictionary<PoolKind, ISeatGrant> byKind = grants.ToDictionary(g => g.Kind);

    public ISeatGrant For(SeatPool pool) => For(pool.Kind);

    public ISeatGrant For(PoolKind kind) =>
        byKind.TryGetValue(kind, out var grant) ? grant : throw new InvalidOperationException($"No seat grant is registered for {kind} pools.");
}
