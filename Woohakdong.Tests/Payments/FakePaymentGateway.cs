using Woohakdong.Core.Payments;

namespace Woohakdong.Tests.Payments;

/// <summary>
/// PortOne's remote API in memory, following the documented contract: prepare refuses a registered merchant_uid,
/// find answers the newest payment of an order, cancel refuses a checksum other than the refundable balance. Tests act
/// as the buyer through <see cref="Pay"/> and count what the server asked. One stands in for one of PortOne's APIs
/// (<see cref="Version"/>), so a test can have both.
/// </summary>
public sealed class FakePaymentGateway(GatewayVersion version = GatewayVersion.V1) : IPaymentGateway
{
    public GatewayVersion Version => version;

    private readonly Lock gate = new();
    private readonly Dictionary<string, long> prepared = [];
    private readonly List<GatewayPayment> payments = [];
    private readonly Dictionary<string, int> refundsByImpUid = [];
    private int cancelCalls;
    private int batchCalls;

    /// <summary>When set, every call fails as a timeout or a 5xx would.</summary>
    public bool Unreachable { get; set; }

    private int refusedCalls;

    /// <summary>Calls answered with a failure because the gateway was <see cref="Unreachable"/>.</summary>
    public int RefusedCalls => Volatile.Read(ref refusedCalls);

    public int CancelCalls => Volatile.Read(ref cancelCalls);

    public int RefundsOf(string impUid)
    {
        lock (gate) return refundsByImpUid.GetValueOrDefault(impUid);
    }

    public long? PreparedAmount(string merchantUid)
    {
        lock (gate) return prepared.TryGetValue(merchantUid, out var amount) ? amount : null;
    }

    /// <summary>The buyer pays (or fails) in the window; the amount may differ from the prepared one only here.</summary>
    public GatewayPayment Pay(string merchantUid, long amount, GatewayPaymentStatus status = GatewayPaymentStatus.Paid, string currency = "KRW")
    {
        lock (gate)
        {
            var payment = new GatewayPayment(
                $"imp_{Guid.NewGuid():N}"[..16], merchantUid, amount, 0, currency, status,
                status == GatewayPaymentStatus.Paid ? DateTimeOffset.UtcNow : null,
                status == GatewayPaymentStatus.Failed ? "카드 한도 초과" : null);
            payments.Add(payment);
            return payment;
        }
    }

    public Task<GatewayPayment?> GetPaymentAsync(string impUid, CancellationToken ct = default) =>
        Answer(() => payments.LastOrDefault(p => p.ImpUid == impUid));

    public Task<GatewayPayment?> FindByMerchantUidAsync(string merchantUid, CancellationToken ct = default) =>
        Answer(() => payments.LastOrDefault(p => p.MerchantUid == merchantUid));

    public int BatchCalls => Volatile.Read(ref batchCalls);

    public Task<IReadOnlyList<GatewayPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> impUids, IReadOnlyCollection<string> merchantUids, CancellationToken ct = default)
    {
        Interlocked.Increment(ref batchCalls);
        return Answer<IReadOnlyList<GatewayPayment>>(() =>
        [
            .. impUids.Select(id => payments.LastOrDefault(p => p.ImpUid == id)).OfType<GatewayPayment>(),
            .. merchantUids.Select(uid => payments.LastOrDefault(p => p.MerchantUid == uid)).OfType<GatewayPayment>(),
        ]);
    }

    public Task PrepareAsync(string merchantUid, long amount, CancellationToken ct = default) => Answer(() =>
    {
        if (!prepared.TryAdd(merchantUid, amount)) throw new PaymentGatewayException("이미 등록된 merchant_uid입니다.", 1);
        return true;
    });

    public Task<GatewayPayment> CancelAsync(string impUid, long? amount, long checksum, string reason, CancellationToken ct = default)
    {
        Interlocked.Increment(ref cancelCalls);
        return Answer(() =>
        {
            var index = payments.FindLastIndex(p => p.ImpUid == impUid);
            if (index < 0) throw new PaymentGatewayException("취소할 결제건이 존재하지 않습니다.", 1);
            var payment = payments[index];
            if (checksum != payment.Refundable) throw new PaymentGatewayException("checksum이 일치하지 않습니다.", 1);
            var cancelled = payment.CancelAmount + (amount ?? payment.Refundable);
            var after = payment with
            {
                CancelAmount = cancelled,
                Status = cancelled == payment.Amount ? GatewayPaymentStatus.Cancelled : payment.Status,
            };
            payments[index] = after;
            refundsByImpUid[impUid] = refundsByImpUid.GetValueOrDefault(impUid) + 1;
            return after;
        });
    }

    private async Task<T> Answer<T>(Func<T> act)
    {
        // A real gateway answers later, on another thread: give concurrent callers the chance to interleave.
        await Task.Yield();
        if (Unreachable)
        {
            Interlocked.Increment(ref refusedCalls);
            throw new PaymentGatewayException("게이트웨이 응답 시간 초과");
        }
        lock (gate) return act();
    }
}
