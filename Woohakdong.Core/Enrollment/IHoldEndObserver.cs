using Woohakdong.Core.Data;

namespace Woohakdong.Core.Enrollment;

/// <summary>
/// Told when seat holds end (converted into memberships, expired, released), inside the transaction that ended them: what
/// it adds to <c>db</c> commits or rolls back with the hold's move. Applications use it to follow their approval holds.
/// </summary>
public interface IHoldEndObserver
{
    Task OnHoldsEndedAsync(AppDbContext db, IReadOnlyCollection<long> holdIds, HoldState end, CancellationToken ct);
}
