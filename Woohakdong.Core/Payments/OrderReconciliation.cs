using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments;

/// <summary>
/// One pass of the reconciler: orders nobody told us about in time are asked about by merchant_uid, Paid orders left
/// half-done (a crash between steps) are finished, and unpaid orders past their hold expire. Safe on every instance at
/// once: each action is a guarded move.
/// </summary>
public sealed class OrderReconciliation(
    IDbContextFactory<AppDbContext> dbFactory, OrderCompletion completion, IOptions<PaymentOptions> options, TimeProvider time,
    ILogger<OrderReconciliation> logger)
{
    private const int Batch = 200;

    /// <summary>Returns how many orders were looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var quietSince = now - options.Value.ReconcileAfter;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.JoinOrders
                .Where(o => (o.Status == OrderStatus.Pending && (o.UpdatedAt <= quietSince || o.HoldExpiresAt <= now))
                    || (o.Status == OrderStatus.Paid && o.UpdatedAt <= quietSince))
                .OrderBy(o => o.UpdatedAt).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        foreach (var orderId in due)
        {
            try
            {
                await completion.ReconcileAsync(orderId, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One order the gateway cannot answer for must not hold up the others; it is tried again next pass.
                logger.LogWarning(error, "Reconciling order {OrderId} failed; trying again next pass", orderId);
            }
        }
        return due.Count;
    }
}
