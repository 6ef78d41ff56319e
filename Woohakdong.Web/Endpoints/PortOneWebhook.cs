using System.Text.Json;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// <c>POST /webhooks/portone</c>, JSON or form. The body is not signed, so its imp_uid and merchant_uid are only recorded
/// as lookup keys in the <see cref="WebhookInbox"/> (through the <see cref="WebhookIntake"/>); a worker settles the order
/// through the completion service, which re-fetches the payment. 200 once recorded (also for an unknown or finished order); 503 only when the notice could not
/// be recorded, so that PortOne tries again.
/// </summary>
public static class PortOneWebhook
{
    public const string Path = "/webhooks/portone";

    /// <summary>
    /// Short-circuited: PortOne sends no cookie, token or culture, so the site's middleware (localization, sign-in,
    /// authorization, antiforgery, status-code pages) has nothing to do for it, and at a thousand webhooks a second its
    /// cost shows.
    /// </summary>
    public static void MapPortOneWebhook(this WebApplication app) =>
        app.MapPost(Path, Receive).DisableAntiforgery().ShortCircuit().WithTags("Webhooks");

    private static async Task<IResult> Receive(HttpRequest request, WebhookIntake intake, ILogger<WebhookIntake> logger, CancellationToken ct)
    {
        var (impUid, merchantUid) = await ReadKeysAsync(request, ct);
        if (impUid is null && merchantUid is null) return TypedResults.Problem("imp_uid or merchant_uid is required", statusCode: StatusCodes.Status400BadRequest);
        if (impUid?.Length > WebhookNotice.MaxImpUidLength || merchantUid?.Length > MerchantUids.MaxLength)
        {
            logger.LogWarning("Webhook with keys longer than any order's: imp_uid {ImpUid}, merchant_uid {MerchantUid}", impUid, merchantUid);
            return TypedResults.Ok();
        }
        try
        {
            await intake.RecordAsync(impUid, merchantUid, ct);
            return TypedResults.Ok();
        }
        catch (WebhookNotRecordedException error)
        {
            logger.LogWarning(error, "Webhook for {MerchantUid} could not be recorded; asking PortOne to retry", merchantUid);
            return TypedResults.Problem("notice could not be recorded; retry", statusCode: StatusCodes.Status503ServiceUnavailable);
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
