using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// Where webhooks wait for their order to be settled. Recording is one insert, so PortOne gets its 200 as soon as the
/// notice is durable; claiming is one conditional update, so workers on any number of instances never take the same
/// notice at once; a notice leaves only after its order was settled.
/// </summary>
public sealed class WebhookInbox(IDbContextFactory<AppDbContext> dbFactory, WebhookArrivals arrivals, TimeProvider time, IOptions<PaymentOptions> options)
{
    /// <summary>One gateway call answers a whole claim.</summary>
    public const int ClaimSize = IPaymentGateway.MaxPaymentsPerCall;

    /// <summary>
    /// Records the notices in one statement, except those naming an order that is already final: no notice can change
    /// that order any more, so there is nothing to keep (the settling would drop it too).
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<PaymentNotice> notices, CancellationToken ct = default)
    {
        if (notices.Count == 0) return;
        var now = time.GetUtcNow();
        var final = OrderTransitions.Final.Select(status => (int)status).ToArray();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsNpgsql())
            {
                // One statement for the checks and the inserts: a duplicate of a finished order's webhook costs one lookup.
                var impUids = notices.Select(n => n.ImpUid).ToArray();
                var merchantUids = notices.Select(n => n.MerchantUid).ToArray();
                var recorded = await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "WebhookNotices" ("ImpUid", "MerchantUid", "ReceivedAt", "Attempts")
                    SELECT n."ImpUid", n."MerchantUid", {now}, 0
                    FROM unnest({impUids}::text[], {merchantUids}::text[]) WITH ORDINALITY AS n("ImpUid", "MerchantUid", "Position")
                    WHERE NOT EXISTS (SELECT FROM "JoinOrders" o WHERE o."MerchantUid" = n."MerchantUid"
                                      AND o."Status" = ANY({final}))
                    ORDER BY n."Position"
                    """, ct);
                if (recorded == 0) return;
            }
            else
            {
                var merchantUids = notices.Select(n => n.MerchantUid).OfType<string>().Distinct().ToList();
                var finished = (await db.JoinOrders.Where(o => merchantUids.Contains(o.MerchantUid) && final.Contains((int)o.Status))
                    .Select(o => o.MerchantUid).ToListAsync(ct)).ToHashSet();
                var open = notices.Where(n => n.MerchantUid is null || !finished.Contains(n.MerchantUid)).ToList();
                if (open.Count == 0) return;
                db.WebhookNotices.AddRange(open.Select(n => new WebhookNotice { ImpUid = n.ImpUid, MerchantUid = n.MerchantUid, ReceivedAt = now }));
                await db.SaveChangesAsync(ct);
            }
        }
        arrivals.Announce();
    }

    /// <summary>Takes up to <see cref="ClaimSize"/> notices nobody holds, oldest first, until the retry time passes.</summary>
    public async Task<IReadOnlyList<WebhookNotice>> ClaimAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.NoticeRetryAfter;
        var token = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
            // SKIP LOCKED: a worker passes over the rows another is claiming this instant instead of waiting for them.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "WebhookNotices" SET "ClaimedUntil" = {until}, "ClaimToken" = {token}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "WebhookNotices" WHERE "ClaimedUntil" IS NULL OR "ClaimedUntil" < {now}
                               ORDER BY "Id" LIMIT {ClaimSize} FOR UPDATE SKIP LOCKED)
                """, ct);
        else
            // SQLite runs one writer at a time, so this one statement cannot interleave with another claim.
            await db.WebhookNotices
                .Where(n => db.WebhookNotices.Where(c => c.ClaimedUntil == null || c.ClaimedUntil < now)
                    .OrderBy(c => c.Id).Take(ClaimSize).Select(c => c.Id).Contains(n.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, until).SetProperty(n => n.ClaimToken, token)
                    .SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        return await db.WebhookNotices.AsNoTracking().Where(n => n.ClaimToken == token).OrderBy(n => n.Id).ToListAsync(ct);
    }

    /// <summary>The notices whose orders were settled.</summary>
    public async Task RemoveAsync(IReadOnlyCollection<long> noticeIds, CancellationToken ct = default)
    {
        if (noticeIds.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.WebhookNotices.Where(n => noticeIds.Contains(n.Id)).ExecuteDeleteAsync(ct);
    }
}
