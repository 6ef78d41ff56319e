using System.Globalization;
using System.Text;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Core.Payments.PortOneV2;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// <c>POST /webhooks/portone/v2</c>, PortOne V2's webhook (version 2024-04-25). Its Standard Webhooks signature is checked
/// over the raw body first: unsigned, stale, tampered or wrongly signed → 401 and nothing recorded; so is a webhook-id
/// received before (<see cref="WebhookReceipts"/>). A verified <c>Transaction.Paid</c>, <c>Cancelled</c> or
/// <c>Failed</c> is recorded by its paymentId in the same inbox as V1's, and its order settled from the payment re-fetched
/// from its own gateway; any other type is answered 200 without acting. 503 only when the notice could not be recorded.
/// </summary>
public static class PortOneV2Webhook
{
    public const string Path = "/webhooks/portone/v2";

    private static readonly HashSet<string> Settling = ["Transaction.Paid", "Transaction.Cancelled", "Transaction.Failed"];

    /// <summary>Short-circuited like V1's webhook: PortOne sends no cookie, token or culture.</summary>
    public static void MapPortOneV2Webhook(this WebApplication app) =>
        app.MapPost(Path, Receive).DisableAntiforgery().ShortCircuit().WithTags("Webhooks");

    private static async Task<IResult> Receive(
        HttpRequest request, WebhookSignatures signatures, WebhookReceipts receipts, WebhookIntake intake, Problems problems,
        ILogger<WebhookIntake> logger, CancellationToken ct)
    {
        Problems.UseCultureOf(request.HttpContext);
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(ct);
        if (!signatures.Verify(body, request.Headers))
        {
            logger.LogWarning("V2 webhook refused: signature not verified (webhook-id {WebhookId})", request.Headers["webhook-id"].ToString());
            return problems.For(StatusCodes.Status401Unauthorized, ErrorCodes.WebhookSignatureInvalid);
        }
        var webhookId = request.Headers["webhook-id"].ToString();
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers["webhook-timestamp"].ToString(), CultureInfo.InvariantCulture));
        try
        {
            var (type, paymentId) = Read(body);
            var settles = type is not null && Settling.Contains(type);
            if (settles) RequirePaymentId(paymentId);
            if (webhookId.Length > WebhookReceipt.IdMaxLength) throw AppException.Validation(ErrorCodes.InvalidInput, "webhook-id");
            if (!await receipts.TryRememberAsync(webhookId, signedAt, ct))
            {
                logger.LogWarning("V2 webhook refused: webhook-id {WebhookId} was received before", webhookId);
                return problems.For(StatusCodes.Status401Unauthorized, ErrorCodes.WebhookReplayed);
            }
            if (!settles) return TypedResults.Ok();
            try
            {
                await intake.RecordAsync(null, paymentId, ct);
            }
            catch (WebhookNotRecordedException)
            {
                // PortOne sends it again with the same id, which must then be taken.
                await receipts.ForgetAsync(webhookId, CancellationToken.None);
                throw;
            }
            return TypedResults.Ok();
        }
        catch (AppException refusal)
        {
            logger.LogWarning("V2 webhook refused: {Code} ({Field})", refusal.Code, refusal.Field);
            return problems.For(refusal);
        }
        catch (WebhookNotRecordedException error)
        {
            logger.LogWarning(error, "A V2 webhook could not be recorded; asking PortOne to retry");
            return TypedResults.Problem("notice could not be recorded; retry", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The type and <c>data.paymentId</c>; other fields, and unknown ones, are ignored.</summary>
    private static (string? Type, string? PaymentId) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw AppException.Validation(ErrorCodes.InvalidInput, "body");
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var paymentId = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                            && data.TryGetProperty("paymentId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            return (type, paymentId);
        }
        catch (JsonException)
        {
            throw AppException.Validation(ErrorCodes.InvalidInput, "body");
        }
    }

    /// <summary>Our merchant_uid is V2's paymentId: the same shape rules apply before it is stored.</summary>
    private static void RequirePaymentId(string? paymentId)
    {
        if (PaymentIds.CheckMerchantUid(paymentId, "data.paymentId") is null)
            throw AppException.Validation(ErrorCodes.MerchantUidInvalid, "data.paymentId");
    }
}
