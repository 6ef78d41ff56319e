using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// The sandbox's state: its access token, pre-registered amounts and payments. In memory on purpose: sandbox payments
/// live as long as the process, like a PG's test channel that is wiped now and then. One lock keeps it simple and exact.
/// </summary>
public sealed class SandboxStore(IOptions<PortOneOptions> options, TimeProvider time)
{
    public const string NotPrepared = "사전 등록된 결제정보가 존재하지 않습니다.";
    public const string NotFound = "존재하지 않는 결제정보입니다.";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ExtensionWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Extension = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Dictionary<string, SandboxPayment> payments = [];
    private readonly Dictionary<string, SandboxPrepared> prepared = [];
    private SandboxToken? token;
    private long sequence;
    private int tokenRequests;

    /// <summary>How many times a token was asked for with valid keys (tests count renewals with it).</summary>
    public int TokenRequests => Volatile.Read(ref tokenRequests);

    public SandboxToken? IssueToken(string? impKey, string? impSecret)
    {
        var own = options.Value.Sandbox;
        if (impKey != own.ImpKey || impSecret != own.ImpSecret) return null;
        Interlocked.Increment(ref tokenRequests);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            if (token is null || token.ExpiredAt <= now)
                token = new SandboxToken(RandomNumberGenerator.GetHexString(40, lowercase: true), now, now + (long)TokenLifetime.TotalSeconds);
            else if (token.ExpiredAt - now < ExtensionWindow.TotalSeconds)
                token = token with { ExpiredAt = token.ExpiredAt + (long)Extension.TotalSeconds };
            return token with { Now = now };
        }
    }

    public bool AcceptsToken(string? accessToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate) return token is not null && token.AccessToken == accessToken && token.ExpiredAt > now;
    }

    /// <summary>Ends the current token now, as if 30 minutes had passed.</summary>
    public void ExpireTokens()
    {
        lock (gate) if (token is not null) token = token with { ExpiredAt = time.GetUtcNow().ToUnixTimeSeconds() };
    }

    public SandboxResult<SandboxPrepared> Prepare(string? merchantUid, long amount, string? currency, bool replace)
    {
        if (string.IsNullOrEmpty(merchantUid) || merchantUid.Length > 40)
            return SandboxResult<SandboxPrepared>.Refused("merchant_uid는 1자 이상 40자 이하여야 합니다.");
        lock (gate)
        {
            var exists = prepared.ContainsKey(merchantUid);
            if (exists && !replace) return SandboxResult<SandboxPrepared>.Refused("이미 등록된 merchant_uid입니다.");
            if (!exists && replace) return SandboxResult<SandboxPrepared>.Refused(NotPrepared);
            return SandboxResult<SandboxPrepared>.Ok(prepared[merchantUid] = new SandboxPrepared(merchantUid, amount, currency));
        }
    }

    public SandboxPrepared? GetPrepared(string merchantUid)
    {
        lock (gate) return prepared.GetValueOrDefault(merchantUid);
    }

    /// <summary>Null when the buyer's amount is the pre-registered one (or none was registered); PortOne's refusal otherwise.</summary>
    public string? RefusalOfAmount(string merchantUid, long amount) =>
        GetPrepared(merchantUid) is { } registered && registered.Amount != amount
            ? $"사전 등록된 결제금액({registered.Amount:N0}원)과 요청 금액({amount:N0}원)이 일치하지 않습니다."
            : null;

    public SandboxPayment? Get(string impUid)
    {
        lock (gate) return payments.GetValueOrDefault(impUid);
    }

    public SandboxPayment? Find(string merchantUid, string? status, string? sorting)
    {
        lock (gate)
        {
            var matching = payments.Values.Where(p => p.MerchantUid == merchantUid && (string.IsNullOrEmpty(status) || p.Status == status));
            Func<SandboxPayment, long> key = sorting?.TrimStart('-') switch
            {
                "paid" => p => p.PaidAt,
                "updated" => p => p.UpdatedAt,
                _ => p => p.StartedAt,
            };
            var ordered = sorting is null || sorting.StartsWith('-')
                ? matching.OrderByDescending(key).ThenByDescending(p => p.Sequence)
                : matching.OrderBy(key).ThenBy(p => p.Sequence);
            return ordered.FirstOrDefault();
        }
    }

    public SandboxPayment Record(SandboxPurchase purchase)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            var number = ++sequence;
            var payment = new SandboxPayment(
                $"imp_{now % 1_000_000:D6}{number:D6}", purchase.MerchantUid, purchase.Name, purchase.Amount, 0, "KRW",
                purchase.Paid ? "paid" : "failed", "kakaopay", "kakaopay", $"T{RandomNumberGenerator.GetHexString(19)}", purchase.Channel,
                Sandbox: true, purchase.BuyerName, purchase.BuyerEmail, purchase.BuyerTel, purchase.CustomData,
                StartedAt: now, PaidAt: purchase.Paid ? now : 0, FailedAt: purchase.Paid ? 0 : now, CancelledAt: 0,
                FailReason: purchase.Paid ? null : "[샌드박스] 구매자가 결제 실패를 선택했습니다.", CancelReason: null,
                ReceiptUrl: null, CancelHistory: []) { UpdatedAt = now, Sequence = number };
            payments[payment.ImpUid] = payment;
            return payment;
        }
    }

    /// <summary>PortOne's cancel: imp_uid wins over merchant_uid; absent or 0 amount means the whole balance.</summary>
    public SandboxResult<SandboxPayment> Cancel(string? impUid, string? merchantUid, long amount, long? checksum, string? reason)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            var payment = !string.IsNullOrEmpty(impUid) ? payments.GetValueOrDefault(impUid)
                : !string.IsNullOrEmpty(merchantUid) ? Find(merchantUid, "paid", null)
                : null;
            if (payment is null) return SandboxResult<SandboxPayment>.Refused("취소할 결제건이 존재하지 않습니다.");
            if (payment.Status != "paid") return SandboxResult<SandboxPayment>.Refused("결제완료 상태가 아니어서 취소할 수 없습니다.");
            if (checksum is { } expected && expected != payment.Refundable)
                return SandboxResult<SandboxPayment>.Refused(
                    $"취소 가능 잔액({payment.Refundable:N0}원)과 checksum({expected:N0}원)이 일치하지 않습니다.");
            var refund = amount == 0 ? payment.Refundable : amount;
            if (refund < 0 || refund > payment.Refundable)
                return SandboxResult<SandboxPayment>.Refused($"취소 요청 금액이 취소 가능 잔액({payment.Refundable:N0}원)을 초과합니다.");

            var cancellation = new SandboxCancellation(
                payment.PgTid, refund, now, reason ?? "", $"cancel_{RandomNumberGenerator.GetHexString(12, lowercase: true)}", null);
            var fully = payment.CancelAmount + refund == payment.Amount;
            var cancelled = payment with
            {
                CancelAmount = payment.CancelAmount + refund,
                Status = fully ? "cancelled" : "paid",
                CancelledAt = now,
                CancelReason = reason,
                CancelHistory = [.. payment.CancelHistory, cancellation],
                UpdatedAt = now,
            };
            payments[cancelled.ImpUid] = cancelled;
            return SandboxResult<SandboxPayment>.Ok(cancelled);
        }
    }
}
