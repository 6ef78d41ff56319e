using Woohakdong.Web.Endpoints;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// Levers for tests and scripts, which exist only in the sandbox: act as the buyer without a browser (the amount may
/// differ from the pre-registered one only here, to test mismatches) and end the current access token early.
/// </summary>
public static class SandboxControl
{
    public static void MapSandboxControl(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/buyer/pay", Pay);
        sandbox.MapPost("/control/expire-tokens", (SandboxStore store) =>
        {
            store.ExpireTokens();
            return Results.NoContent();
        });
    }

    /// <summary>
    /// <c>{merchant_uid, amount, outcome: "paid"|"failed", webhook, notice_url, name}</c> as JSON or a form; records the
    /// payment and answers it in PortOne's envelope. A paid one sends the webhook unless <c>webhook</c> is false; a
    /// <c>notice_url</c> other than the app's own webhook is refused with 400.
    /// </summary>
    private static async Task<IResult> Pay(HttpRequest request, SandboxStore store, SandboxWebhooks webhooks, CancellationToken ct)
    {
        var form = await PortOneForm.ReadAsync(request, ct);
        if (form["merchant_uid"] is not { } merchantUid) return SandboxEnvelope.Refused("merchant_uid는 필수입니다.");
        var outcome = form["outcome"] ?? "paid";
        if (outcome is not ("paid" or "failed")) return SandboxEnvelope.Refused("outcome은 paid 또는 failed여야 합니다.");
        if (!webhooks.AcceptsNoticeUrl(form["notice_url"])) return SandboxEnvelope.Invalid(SandboxWebhooks.ForeignNoticeUrl);
        if ((form.Amount("amount") ?? store.GetPrepared(merchantUid)?.Amount) is not { } amount)
            return SandboxEnvelope.Refused("amount가 없고 사전 등록된 금액도 없습니다.");
        var paid = outcome == "paid";
        var payment = store.Record(new SandboxPurchase(merchantUid, amount, paid, "api", form["name"]));
        // As at PortOne, an ordinary failed payment sends no webhook.
        if (paid && form["webhook"] != "false") webhooks.Send(payment);
        return SandboxEnvelope.Ok(payment);
    }
}
