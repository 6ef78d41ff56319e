using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>A payment as PortOne V2 reports it (one member of its union, by <see cref="Status"/>), serialized in camelCase.</summary>
public sealed record SandboxV2Payment(
    string Status, string Id, string TransactionId, string MerchantId, string StoreId, SandboxV2Amount Amount, string Currency,
    string? OrderName, SandboxV2Channel Channel, string Version, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset StatusChangedAt, DateTimeOffset? PaidAt, DateTimeOffset? FailedAt, DateTimeOffset? CancelledAt,
    SandboxV2Failure? Failure, IReadOnlyList<SandboxV2Cancellation>? Cancellations)
{
    public long Cancellable => Amount.Total - Amount.Cancelled;
}

public sealed record SandboxV2Amount(long Total, long TaxFree, long Discount, long Paid, long Cancelled, long CancelledTaxFree);

public sealed record SandboxV2Channel(string Type, string PgProvider);

public sealed record SandboxV2Failure(string Reason);

public sealed record SandboxV2Cancellation(
    string Status, string Id, long TotalAmount, long TaxFreeAmount, long VatAmount, string Reason, DateTimeOffset CancelledAt,
    DateTimeOffset RequestedAt);

/// <summary>V2's error answer: <c>{type, message}</c> under the HTTP status PortOne uses for it.</summary>
public sealed record SandboxV2Error(int Status, string Type, string Message);

/// <summary>One webhook exactly as the sandbox sent it: the raw body and the three Standard Webhooks headers.</summary>
public sealed record SandboxV2Webhook(string PaymentId, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// The V2 sandbox's state: pre-registered amounts, payments by paymentId, and the webhooks it sent. In memory, under
/// one lock, like the V1 sandbox's <see cref="SandboxStore"/>.
/// </summary>
public sealed class SandboxV2Store(IOptions<PortOneOptions> options, TimeProvider time)
{
    public const string MerchantId = "merchant-sandbox";

    private readonly Lock gate = new();
    private readonly Dictionary<string, (long Amount, string Currency)> registered = [];
    private readonly Dictionary<string, SandboxV2Payment> payments = [];
    private readonly List<SandboxV2Webhook> webhooks = [];

    public string StoreId => options.Value.Sandbox.V2.StoreId ?? "";

    public bool Accepts(string? authorization) =>
        options.Value.Sandbox.V2.ApiSecret is { Length: > 0 } secret && authorization == $"PortOne {secret}";

    public SandboxV2Payment? Get(string paymentId)
    {
        lock (gate) return payments.GetValueOrDefault(paymentId);
    }

    public SandboxV2Error? PreRegister(string paymentId, long? totalAmount, string? currency)
    {
        if (totalAmount is not > 0) return new(400, "INVALID_REQUEST", "totalAmount는 0보다 큰 정수여야 합니다.");
        lock (gate)
        {
            if (payments.GetValueOrDefault(paymentId) is { Status: not ("READY" or "FAILED") })
                return new(409, "ALREADY_PAID", "이미 결제된 건입니다.");
            registered[paymentId] = (totalAmount.Value, currency ?? "KRW");
            return null;
        }
    }

    public long? RegisteredAmount(string paymentId)
    {
        lock (gate) return registered.TryGetValue(paymentId, out var entry) ? entry.Amount : null;
    }

    /// <summary>The buyer's outcome: PAID, FAILED or VIRTUAL_ACCOUNT_ISSUED; a paid paymentId cannot be paid again.</summary>
    public (SandboxV2Payment? Payment, SandboxV2Error? Error) Pay(string paymentId, long amount, string status, string currency, string? storeId)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (payments.GetValueOrDefault(paymentId) is { Status: not ("READY" or "FAILED") })
                return (null, new(409, "ALREADY_PAID", "이미 결제된 건입니다."));
            var paid = status == "PAID";
            var payment = new SandboxV2Payment(
                status, paymentId, Guid.NewGuid().ToString(), MerchantId, storeId ?? StoreId,
                new SandboxV2Amount(amount, 0, 0, paid ? amount : 0, 0, 0), currency, null, new SandboxV2Channel("TEST", "KAKAOPAY"),
                "V2", now, now, now, paid ? now : null, status == "FAILED" ? now : null, null,
                status == "FAILED" ? new SandboxV2Failure("[샌드박스] 구매자가 결제 실패를 선택했습니다.") : null, null);
            payments[paymentId] = payment;
            return (payment, null);
        }
    }

    /// <summary>
    /// PortOne's cancel: the whole remainder when no amount is given; <paramref name="currentCancellableAmount"/>, when
    /// given, must be the remainder (V2's guard against cancelling twice).
    /// </summary>
    public (SandboxV2Payment? Payment, SandboxV2Cancellation? Cancellation, SandboxV2Error? Error) Cancel(
        string paymentId, string? reason, long? amount, long? currentCancellableAmount)
    {
        if (string.IsNullOrWhiteSpace(reason)) return (null, null, new(400, "INVALID_REQUEST", "reason은 필수입니다."));
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (payments.GetValueOrDefault(paymentId) is not { } payment) return (null, null, NotFound());
            if (payment.Status == "CANCELLED") return (null, null, new(409, "PAYMENT_ALREADY_CANCELLED", "이미 취소된 결제입니다."));
            if (payment.Status is not ("PAID" or "PARTIAL_CANCELLED")) return (null, null, new(409, "PAYMENT_NOT_PAID", "결제 완료 상태가 아닙니다."));
            if (currentCancellableAmount is { } expected && expected != payment.Cancellable)
                return (null, null, new(409, "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN",
                    $"취소 가능 금액({payment.Cancellable:N0}원)이 currentCancellableAmount({expected:N0}원)와 다릅니다."));
            var refund = amount ?? payment.Cancellable;
            if (refund <= 0 || refund > payment.Cancellable)
                return (null, null, new(400, "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT", $"취소 가능 금액({payment.Cancellable:N0}원)을 넘습니다."));
            var cancellation = new SandboxV2Cancellation(
                "SUCCEEDED", RandomNumberGenerator.GetHexString(20, lowercase: true), refund, 0, 0, reason, now, now);
            var cancelled = payment.Amount.Cancelled + refund;
            payments[paymentId] = payment with
            {
                Status = cancelled == payment.Amount.Total ? "CANCELLED" : "PARTIAL_CANCELLED",
                Amount = payment.Amount with { Cancelled = cancelled },
                UpdatedAt = now, StatusChangedAt = now, CancelledAt = now,
                Cancellations = [.. payment.Cancellations ?? [], cancellation],
            };
            return (payments[paymentId], cancellation, null);
        }
    }

    public static SandboxV2Error NotFound() => new(404, "PAYMENT_NOT_FOUND", "결제 건이 존재하지 않습니다.");

    public void Sent(SandboxV2Webhook webhook)
    {
        lock (gate) webhooks.Add(webhook);
    }

    public IReadOnlyList<SandboxV2Webhook> WebhooksOf(string paymentId)
    {
        lock (gate) return webhooks.Where(w => w.PaymentId == paymentId).ToList();
    }
}
