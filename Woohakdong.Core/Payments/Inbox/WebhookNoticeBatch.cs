using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// One claim of recorded webhooks: the orders are looked up in one query and their payments re-fetched from the gateway
/// in one call; the ordinary ones (verified paid, hold still held) are completed together by <see cref="BulkCompletion"/>,
/// and every other order is settled with its own payment through <see cref="OrderCompletion"/> like any other notice, so
/// a forged or mismatched one is ignored or refunded without holding up the others. A notice whose settling failed stays
/// claimed until its retry time and is then taken again.
/// </summary>
public sealed class WebhookNoticeBatch(
    IDbContextFactory<AppDbContext> dbFactory, WebhookInbox inbox, PaymentGateways gateways, BulkCompletion bulk,
    OrderCompletion completion, ILogger<WebhookNoticeBatch> logger)
{
    private const int Parallelism = 8;

    private sealed record Item(WebhookNotice Notice, JoinOrder? Order)
    {
        public PaymentNotice Keys => new(Notice.ImpUid, Notice.MerchantUid);
        public bool IsOpen => Order is not null && !OrderTransitions.IsFinal(Order.Status);
    }

    /// <summary>Returns how many notices were claimed (0: the inbox had none free).</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var notices = await inbox.ClaimAsync(ct);
        if (notices.Count == 0) return 0;
        var items = await FindOrdersAsync(notices, ct);
        var open = items.Where(i => i.IsOpen).ToList();
        var payments = await FetchPaymentsAsync(open, ct);
        // Duplicates of one webhook in the same claim share one settling.
        var distinct = items.GroupBy(i => (i.Order?.Id ?? -i.Notice.Id, i.Notice.ImpUid)).ToList();
        var ordinary = distinct
            .Select(same => (Notices: same, Verified: same.First() is { IsOpen: true } item && PaymentsOf(item, payments) is [var payment]
                ? new BulkCompletion.Verified(item.Order!, payment) : null))
            .Where(c => c.Verified is not null).DistinctBy(c => c.Verified!.Order.Id).ToList();
        var completed = await bulk.CompleteAsync([.. ordinary.Select(c => c.Verified!)], OrderCause.Webhook, ct);
        var completedTogether = ordinary.Where(c => completed.Contains(c.Verified!.Order.Id)).Select(c => c.Notices).ToHashSet();
        var settled = new ConcurrentBag<long>(completedTogether.SelectMany(same => same).Select(i => i.Notice.Id));
        var rest = distinct.Where(same => !completedTogether.Contains(same));
        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (same, token) =>
        {
            try
            {
                await SettleAsync(same.First(), payments, token);
                foreach (var item in same) settled.Add(item.Notice.Id);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Webhook for {MerchantUid} ({ImpUid}) could not be settled; it is tried again later",
                    same.First().Notice.MerchantUid, same.Key.ImpUid);
            }
        });
        await inbox.RemoveAsync(settled, ct);
        return notices.Count;
    }

    private async Task SettleAsync(Item item, IReadOnlyList<GatewayPayment> payments, CancellationToken ct)
    {
        if (item.Order is null)
        {
            // Only an imp_uid, for no order settled with it yet: the gateway's record of the payment names the order.
            if (item.Notice.MerchantUid is null && await completion.CompleteAsync(item.Keys, OrderCause.Webhook, ct) is not null) return;
            logger.LogWarning("Webhook for unknown order: imp_uid {ImpUid}, merchant_uid {MerchantUid}", item.Notice.ImpUid, item.Notice.MerchantUid);
            return;
        }
        if (!item.IsOpen) return;
        var payment = PaymentsOf(item, payments) switch
        {
            [] => null,
            [var only] => only,
            // Several payments for one order: ask for the newest, as a single notice would.
            _ => await gateways.For(item.Order).FindByMerchantUidAsync(item.Order.MerchantUid, ct),
        };
        await completion.SettleWithAsync(item.Order, payment, item.Keys, OrderCause.Webhook, expireUnpaid: false, ct);
    }

    /// <summary>The open orders' payments, one call per gateway: each order's from its own (a claim may mix V1 and V2).</summary>
    private async Task<List<GatewayPayment>> FetchPaymentsAsync(List<Item> open, CancellationToken ct)
    {
        var payments = new List<GatewayPayment>();
        foreach (var same in open.GroupBy(i => i.Order!.GatewayVersion))
            payments.AddRange(await gateways.For(same.Key).GetPaymentsAsync(
                same.Select(i => i.Notice.ImpUid).OfType<string>().Distinct().ToList(),
                same.Where(i => i.Notice.ImpUid is null).Select(i => i.Order!.MerchantUid).Distinct().ToList(), ct));
        return payments;
    }

    /// <summary>The notice's payment by its imp_uid; without one, every payment the gateway has for the order.</summary>
    private static List<GatewayPayment> PaymentsOf(Item item, IReadOnlyList<GatewayPayment> payments) =>
        item.Notice.ImpUid is { } impUid
            ? payments.Where(p => p.ImpUid == impUid).Take(1).ToList()
            : payments.Where(p => p.MerchantUid == item.Order!.MerchantUid).ToList();

    /// <summary>By merchant_uid when the notice has one, else by the imp_uid an order was already settled with.</summary>
    private async Task<List<Item>> FindOrdersAsync(IReadOnlyList<WebhookNotice> notices, CancellationToken ct)
    {
        var merchantUids = notices.Select(n => n.MerchantUid).OfType<string>().Distinct().ToList();
        var impUidsAlone = notices.Where(n => n.MerchantUid is null).Select(n => n.ImpUid).OfType<string>().Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byMerchantUid = await db.JoinOrders.AsNoTracking().Where(o => merchantUids.Contains(o.MerchantUid)).ToDictionaryAsync(o => o.MerchantUid, ct);
        var byImpUid = impUidsAlone.Count == 0 ? []
            : (await db.JoinOrders.AsNoTracking().Where(o => o.ImpUid != null && impUidsAlone.Contains(o.ImpUid)).ToListAsync(ct))
                .GroupBy(o => o.ImpUid!).ToDictionary(g => g.Key, g => g.First());
        return notices.Select(n => new Item(n, n.MerchantUid is { } merchantUid
            ? byMerchantUid.GetValueOrDefault(merchantUid)
            : byImpUid.GetValueOrDefault(n.ImpUid!))).ToList();
    }
}
