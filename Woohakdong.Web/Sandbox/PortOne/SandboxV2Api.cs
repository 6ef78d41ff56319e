using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// PortOne V2's REST API as the sandbox serves it under <c>/sandbox/portone/v2</c> (the paths of <c>api.portone.io</c>),
/// with the <c>Authorization: PortOne {secret}</c> check and the <c>Idempotency-Key</c> of its writes
/// (<see cref="SandboxV2Idempotency"/>), plus its test control.
/// </summary>
public static class SandboxV2Api
{
    public sealed record PreRegisterBody(long? TotalAmount, string? Currency, string? StoreId);

    public sealed record CancelBody(string? Reason, long? Amount, long? CurrentCancellableAmount, string? StoreId);

    /// <summary>
    /// The buyer's side without a browser: <c>outcome</c> "paid", "failed" or "virtual_account_issued"; the amount defaults to
    /// the pre-registered one and may differ (like currency and store) only here, to test mismatches.
    /// </summary>
    public sealed record PayBody(string? PaymentId, long? Amount, string? Outcome, bool? Webhook, string? Currency, string? StoreId);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void MapPortOneV2Sandbox(this RouteGroupBuilder sandbox)
    {
        var v2 = sandbox.MapGroup("/v2");
        var api = v2.MapGroup("").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<SandboxV2Store>().Accepts(context.HttpContext.Request.Headers.Authorization)
                ? await next(context)
                : Error(new SandboxV2Error(401, "UNAUTHORIZED", "인증 정보가 올바르지 않습니다.")));
        api.MapGet("/payments/{paymentId}", (string paymentId, SandboxV2Store store) =>
            store.Get(paymentId) is { } payment ? Results.Json(payment, Json) : Error(SandboxV2Store.NotFound()));
        api.MapPost("/payments/{paymentId}/pre-register", (
                string paymentId, PreRegisterBody body, HttpRequest request, SandboxV2Store store, SandboxV2Idempotency idempotency) =>
            idempotency.Answer(request, () => store.PreRegister(paymentId, body.TotalAmount, body.Currency) is { } error
                ? SandboxV2Answer.Of(error)
                : new SandboxV2Answer(200, new { })).ToResult());
        api.MapPost("/payments/{paymentId}/cancel", (
                string paymentId, CancelBody body, HttpRequest request, SandboxV2Store store, SandboxV2Webhooks webhooks, SandboxV2Idempotency idempotency) =>
            idempotency.Answer(request, () =>
            {
                var (payment, cancellation, error) = store.Cancel(paymentId, body.Reason, body.Amount, body.CurrentCancellableAmount);
                if (error is not null) return SandboxV2Answer.Of(error);
                webhooks.Send("Transaction.Cancelled", payment!, cancellation!.Id);
                return new SandboxV2Answer(200, new { cancellation });
            }).ToResult());

        v2.MapPost("/control/pay", Pay);
        v2.MapGet("/control/webhooks", ([FromQuery] string paymentId, SandboxV2Store store) =>
            Results.Json(store.WebhooksOf(paymentId).Select(w => new { headers = w.Headers, body = w.Body }), Json));
    }

    private static IResult Pay(PayBody body, SandboxV2Store store, SandboxV2Webhooks webhooks)
    {
        if (string.IsNullOrEmpty(body.PaymentId)) return Error(new SandboxV2Error(400, "INVALID_REQUEST", "paymentId는 필수입니다."));
        var (status, type) = (body.Outcome ?? "paid") switch
        {
            "paid" => ("PAID", "Transaction.Paid"),
            "failed" => ("FAILED", "Transaction.Failed"),
            "virtual_account_issued" => ("VIRTUAL_ACCOUNT_ISSUED", "Transaction.VirtualAccountIssued"),
            _ => (null, null),
        };
        if (status is null) return Error(new SandboxV2Error(400, "INVALID_REQUEST", "outcome은 paid, failed, virtual_account_issued 중 하나여야 합니다."));
        if ((body.Amount ?? store.RegisteredAmount(body.PaymentId)) is not { } amount)
            return Error(new SandboxV2Error(400, "INVALID_REQUEST", "amount가 없고 사전 등록된 금액도 없습니다."));
        var (payment, error) = store.Pay(body.PaymentId, amount, status, body.Currency ?? "KRW", body.StoreId);
        if (error is not null) return Error(error);
        if (body.Webhook != false) webhooks.Send(type!, payment!);
        return Results.Json(payment, Json);
    }

    private static IResult Error(SandboxV2Error error) => SandboxV2Answer.Of(error).ToResult();
}
