using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// The payment window that <c>wwwroot/sandbox/iamport.js</c> opens in an iframe (for <c>IMP.request_pay</c> under
/// <c>/sandbox/portone/checkout</c>, for V2's <c>PortOne.requestPayment</c> under <c>/sandbox/portone/v2/checkout</c>), and
/// the buyer's decision it posts back. A window asked for another amount than the pre-registered one refuses before any
/// payment exists, as PortOne does; so does a V1 one whose <c>notice_url</c> is not the app's own webhook. Both answer
/// in V1's <c>rsp</c> shape, which the stand-in turns into V2's result for <c>PortOne.requestPayment</c>.
/// </summary>
public static class SandboxCheckout
{
    public const string WindowRefusedCode = "F400";
    public const string PaymentFailedCode = "F500";

    public sealed record Decision(
        string MerchantUid, long Amount, string Outcome, string? Name, string? BuyerName, string? BuyerEmail, string? BuyerTel,
        string? CustomData, string? NoticeUrl, bool Mobile);

    /// <summary>The <c>rsp</c> handed to <c>IMP.request_pay</c>'s callback (and, on mobile, to <c>m_redirect_url</c>).</summary>
    public sealed record PayResponse(
        string? ImpUid, string MerchantUid, string? ErrorCode, string? ErrorMsg, bool Success, long PaidAmount, string? Status);

    public static void MapSandboxCheckout(this RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/checkout", (HttpRequest request, SandboxStore store, SandboxWebhooks webhooks, IStringLocalizer<SandboxText> text, HtmlEncoder html) =>
            Window(request, text, html, "/sandbox/portone/checkout/decide", (merchantUid, amount) =>
                store.RefusalOfAmount(merchantUid, amount) is not null ? text["AmountRefused"].Value
                : !webhooks.AcceptsNoticeUrl(request.Query["notice_url"]) ? SandboxWebhooks.ForeignNoticeUrl
                : null));
        sandbox.MapPost("/checkout/decide", Decide);
        sandbox.MapGet("/v2/checkout", (HttpRequest request, SandboxV2Store store, IStringLocalizer<SandboxText> text, HtmlEncoder html) =>
            Window(request, text, html, "/sandbox/portone/v2/checkout/decide", (paymentId, amount) =>
                store.RegisteredAmount(paymentId) is { } registered && registered != amount ? text["AmountRefused"].Value : null));
        sandbox.MapPost("/v2/checkout/decide", DecideV2);
    }

    private static IResult Window(
        HttpRequest request, IStringLocalizer<SandboxText> text, HtmlEncoder html, string decideUrl, Func<string, long, string?> refusalOf)
    {
        var query = request.Query;
        var merchantUid = query["merchant_uid"].ToString();
        var amount = long.TryParse(query["amount"], CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        var refusal = amount < 0 ? text["AmountRefused"].Value : refusalOf(merchantUid, amount);
        string E(string? value) => html.Encode(value ?? "");
        var page = $"""
            <!DOCTYPE html>
            <html lang="{E(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)}">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{E(text["Title"])}</title>
              <link rel="stylesheet" href="/sandbox/checkout.css" />
            </head>
            <body>
              <main class="window" data-merchant-uid="{E(merchantUid)}" data-amount="{amount}" data-refusal="{E(refusal)}" data-decide="{E(decideUrl)}"
                    data-refused-code="{WindowRefusedCode}" data-closed-message="{E(text["WindowClosed"])}">
                <header>
                  <h1>{E(text["Title"])}</h1>
                  <button type="button" class="close" data-action="close" aria-label="{E(text["Close"])}">✕</button>
                </header>
                <p class="notice">{E(text["Notice"])}</p>
                <dl>
                  <dt>{E(text["OrderName"])}</dt><dd>{E(query["name"])}</dd>
                  <dt>{E(text["Amount"])}</dt><dd class="amount">₩{Math.Max(amount, 0).ToString("N0", CultureInfo.InvariantCulture)}</dd>
                </dl>
                <p class="refusal" role="alert">{E(refusal)}</p>
                <button type="button" class="pay" data-action="paid">{E(text["PayWithKakaoPay"])}</button>
                <button type="button" class="fail" data-action="failed">{E(text["Fail"])}</button>
              </main>
              <script src="/sandbox/checkout.js"></script>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static IResult Decide(Decision decision, SandboxStore store, SandboxWebhooks webhooks, IStringLocalizer<SandboxText> text)
    {
        if (store.RefusalOfAmount(decision.MerchantUid, decision.Amount) is not null)
            return Rsp(new PayResponse(null, decision.MerchantUid, WindowRefusedCode, text["AmountRefused"], false, 0, null));
        if (!webhooks.AcceptsNoticeUrl(decision.NoticeUrl))
            return Rsp(new PayResponse(null, decision.MerchantUid, WindowRefusedCode, SandboxWebhooks.ForeignNoticeUrl, false, 0, null),
                StatusCodes.Status400BadRequest);
        var paid = decision.Outcome == "paid";
        var payment = store.Record(new SandboxPurchase(
            decision.MerchantUid, decision.Amount, paid, decision.Mobile ? "mobile" : "pc", decision.Name, decision.BuyerName,
            decision.BuyerEmail, decision.BuyerTel, decision.CustomData));
        if (!paid)
            return Rsp(new PayResponse(payment.ImpUid, payment.MerchantUid, PaymentFailedCode, text["PaymentFailed"], false, 0, payment.Status));
        webhooks.Send(payment);
        return Rsp(new PayResponse(payment.ImpUid, payment.MerchantUid, null, null, true, payment.Amount, payment.Status));
    }

    /// <summary>V2's window: the payment is recorded under its paymentId and V2's signed webhook goes out, paid or failed.</summary>
    private static IResult DecideV2(Decision decision, SandboxV2Store store, SandboxV2Webhooks webhooks, IStringLocalizer<SandboxText> text)
    {
        if (store.RegisteredAmount(decision.MerchantUid) is { } registered && registered != decision.Amount)
            return Rsp(new PayResponse(null, decision.MerchantUid, WindowRefusedCode, text["AmountRefused"], false, 0, null));
        var paid = decision.Outcome == "paid";
        var (payment, error) = store.Pay(decision.MerchantUid, decision.Amount, paid ? "PAID" : "FAILED", "KRW", storeId: null);
        if (payment is null) return Rsp(new PayResponse(null, decision.MerchantUid, WindowRefusedCode, error!.Message, false, 0, null));
        webhooks.Send(paid ? "Transaction.Paid" : "Transaction.Failed", payment);
        return Rsp(paid
            ? new PayResponse(payment.TransactionId, payment.Id, null, null, true, decision.Amount, payment.Status)
            : new PayResponse(payment.TransactionId, payment.Id, PaymentFailedCode, text["PaymentFailed"], false, 0, payment.Status));
    }

    private static IResult Rsp(PayResponse response, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(response, SandboxEnvelope.Json, statusCode: statusCode);
}
