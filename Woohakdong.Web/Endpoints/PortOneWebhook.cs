using System.Text.Json;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// <c>POST /webhooks/portone</c>, JSON or form. The body is not signed, so its imp_uid and merchant_uid only look the
/// order up; the completion re-fetches the payment. 200 once handled, also for an unknown or finished order; 503 only
/// when the gateway could not be asked, so that PortOne tries again.
/// </summary>
public static class PortOneWebhook
{
    public const string Path = "/webhooks/portone";

    public static void MapPortOneWebhook(this WebApplication app) =>
        app.MapPost(Path, Receive).DisableAntiforgery().AllowAnonymous().WithTags("Webhooks");

    private static async Task<IResult> Receive(HttpRequest request, OrderCompletion completion, ILogger<OrderCompletion> logger, CancellationToken ct)
    {
        var (impUid, merchantUid) = await ReadKeysAsync(request, ct);
        // Answers carry a body, so the site's status-code pages leave them to PortOne as they are.
        if (impUid is null && merchantUid is null) return TypedResults.Problem("imp_uid or merchant_uid is required", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            var order = await completion.CompleteAsync(impUid, merchantUid, OrderCause.Webhook, ct);
            if (order is null) logger.LogWarning("Webhook for unknown order: imp_uid {ImpUid}, merchant_uid {MerchantUid}", impUid, merchantUid);
            return TypedResults.Ok();
        }
        catch (PaymentGatewayException error)
        {
            logger.LogWarning(error, "Webhook for {MerchantUid} could not be verified; asking PortOne to retry", merchantUid);
            return TypedResults.Problem("payment gateway unreachable; retry", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<(string? ImpUid, string? MerchantUid)> ReadKeysAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return (Blank(form["imp_uid"]), Blank(form["merchant_uid"]));
        }
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object ? (Text(body.RootElement, "imp_uid"), Text(body.RootElement, "merchant_uid")) : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Blank(value.GetString()) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
