namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// Levers for tests and scripts, which exist only in the sandbox: act as the buyer without a browser (the amount may
/// differ from the pre-registered one only here, to test mismatches) and end the current access token early.
/// </summary>
public static class SandboxControl
{
    public sealed record BuyerPayment(string MerchantUid, long? Amount, string? Outcome, bool? Webhook, string? NoticeUrl, string? Name);

    public static void MapSandboxControl(this RouteGroupBuilder sandbox)
    {
        sandbox.MapPost("/buyer/pay", Pay);
        sandbox.MapPost("/control/expire-tokens", (SandboxStore store) =>
        {
            store.ExpireTokens();
            return Results.NoContent();
        });
    }

    /// <summary>Records the payment and answers it in PortOne's envelope; a paid one sends the webhook unless <c>webhook</c> is false.</summary>
    private static IResult Pay(BuyerPayment request, SandboxStore store, SandboxWebhooks webhooks)
    {
        if (request.Outcome is not (null or "paid" or "failed")) return SandboxEnvelope.Refused("outcome은 paid 또는 failed여야 합니다.");
        var amount = request.Amount ?? store.GetPrepared(request.MerchantUid)?.Amount;
        if (amount is null) return SandboxEnvelope.Refused("amount가 없고 사전 등록된 금액도 없습니다.");
        var paid = request.Outcome is null or "paid";
        var payment = store.Record(new SandboxPurchase(request.MerchantUid, amount.Value, paid, "api", request.Name));
        // As at PortOne, an ordinary failed payment sends no webhook.
        if (paid && request.Webhook != false) webhooks.Send(payment, request.NoticeUrl);
        return SandboxEnvelope.Ok(payment);
    }
}
