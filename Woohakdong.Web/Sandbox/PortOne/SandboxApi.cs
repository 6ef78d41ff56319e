using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Web.Endpoints;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>PortOne V1's REST API as the sandbox serves it under <c>/sandbox/portone</c> (V2's under <c>/sandbox/portone/v2</c>).</summary>
public static class SandboxApi
{
    /// <summary>Maps the sandbox when <c>PortOne:Mode</c> is Sandbox; in Live mode none of it exists.</summary>
    public static void MapPortOneSandbox(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PortOneOptions>>().Value.Mode != PortOneMode.Sandbox) return;
        var sandbox = app.MapGroup(PortOneOptions.SandboxPath).DisableAntiforgery().ExcludeFromDescription().AllowAnonymous();
        sandbox.MapPost("/users/getToken", GetToken);

        var api = sandbox.MapGroup("").AddEndpointFilter<SandboxTokenFilter>();
        api.MapGet("/payments", GetPayments);
        api.MapGet("/payments/{impUid}", GetPayment);
        api.MapGet("/payments/find/{merchantUid}/{status?}", FindPayment);
        api.MapPost("/payments/prepare", (HttpRequest request, SandboxStore store, CancellationToken ct) => Prepare(request, store, replace: false, ct));
        api.MapPut("/payments/prepare", (HttpRequest request, SandboxStore store, CancellationToken ct) => Prepare(request, store, replace: true, ct));
        api.MapGet("/payments/prepare/{merchantUid}", GetPrepared);
        api.MapPost("/payments/cancel", Cancel);

        sandbox.MapSandboxCheckout();
        sandbox.MapSandboxControl();
        sandbox.MapPortOneV2Sandbox();
    }

    private static async Task<IResult> GetToken(HttpRequest request, SandboxStore store, CancellationToken ct)
    {
        var form = await PortOneForm.ReadAsync(request, ct);
        return store.IssueToken(form["imp_key"], form["imp_secret"]) is { } token ? SandboxEnvelope.Ok(token) : SandboxEnvelope.Unauthorized();
    }

    /// <summary>Sandbox payments are test-channel payments: PortOne shows them only with <c>include_sandbox=true</c>.</summary>
    private static IResult GetPayment(string impUid, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "include_sandbox")] bool? includeSandbox, SandboxStore store) =>
        includeSandbox == true && store.Get(impUid) is { } payment ? SandboxEnvelope.Ok(payment) : SandboxEnvelope.NotFound(SandboxStore.NotFound);

    /// <summary>
    /// PortOne's 복수조회: up to 100 ids of either kind; a merchant_uid answers its newest payment, as find does. 200 when
    /// every id was found, 207 with those found, 404 when none was. Its spec has no <c>include_sandbox</c> here (nor on
    /// find): test payments are answered, marked <c>sandbox: true</c>, and the client decides.
    /// </summary>
    private static IResult GetPayments(HttpRequest request, SandboxStore store)
    {
        var (impUids, merchantUids) = (request.Query["imp_uid[]"], request.Query["merchant_uid[]"]);
        var asked = impUids.Count + merchantUids.Count;
        if (asked == 0) return SandboxEnvelope.Refused("imp_uid 또는 merchant_uid를 하나 이상 지정해야 합니다.");
        if (asked > IPaymentGateway.MaxPaymentsPerCall) return SandboxEnvelope.Refused($"한 번에 최대 {IPaymentGateway.MaxPaymentsPerCall}건까지 조회할 수 있습니다.");
        List<SandboxPayment> found =
        [
            .. impUids.Select(id => store.Get(id ?? "")).OfType<SandboxPayment>(),
            .. merchantUids.Select(uid => store.Find(uid ?? "", null, null)).OfType<SandboxPayment>(),
        ];
        return found.Count == 0 ? SandboxEnvelope.NotFound(SandboxStore.NotFound)
            : SandboxEnvelope.Ok(found, found.Count == asked ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus);
    }

    private static IResult FindPayment(string merchantUid, string? status, string? sorting, SandboxStore store) =>
        store.Find(merchantUid, status, sorting) is { } payment
            ? SandboxEnvelope.Ok(payment)
            : SandboxEnvelope.NotFound(SandboxStore.NotFound);

    private static async Task<IResult> Prepare(HttpRequest request, SandboxStore store, bool replace, CancellationToken ct)
    {
        var form = await PortOneForm.ReadAsync(request, ct);
        if (form.Amount("amount") is not { } amount) return SandboxEnvelope.Refused("amount는 필수 숫자 값입니다.");
        var result = store.Prepare(form["merchant_uid"], amount, form["currency"], replace);
        return replace && result.Error == SandboxStore.NotPrepared ? SandboxEnvelope.NotFound(result.Error) : SandboxEnvelope.From(result);
    }

    private static IResult GetPrepared(string merchantUid, SandboxStore store) =>
        store.GetPrepared(merchantUid) is { } prepared ? SandboxEnvelope.Ok(prepared) : SandboxEnvelope.NotFound(SandboxStore.NotPrepared);

    private static async Task<IResult> Cancel(HttpRequest request, SandboxStore store, SandboxWebhooks webhooks, CancellationToken ct)
    {
        var form = await PortOneForm.ReadAsync(request, ct);
        var result = store.Cancel(form["imp_uid"], form["merchant_uid"], form.Amount("amount") ?? 0, form.Amount("checksum"), form["reason"]);
        // An API cancel sends a webhook only when asked to, as at PortOne.
        if (result.Value is { } payment && form.Flag("enable_webhook"))
            webhooks.Send(payment, cancellationId: payment.CancelHistory[^1].CancellationId);
        return SandboxEnvelope.From(result);
    }
}
