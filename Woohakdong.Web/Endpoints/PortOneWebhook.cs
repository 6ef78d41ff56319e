using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// <c>POST /webhooks/portone</c>, JSON or form. The body is not signed, so its imp_uid and merchant_uid are only recorded
/// as lookup keys in the <see cref="WebhookInbox"/> (through the <see cref="WebhookIntake"/>); a worker settles the order
/// through the completion service, which re-fetches the payment. 200 once recorded (also for an unknown or finished order); 400
/// (a problem with a code) when the body holds no key or a malformed one; 503 only when the notice could not be recorded, so
/// that PortOne tries again.
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

    private static async Task<IResult> Receive(
        HttpRequest request, WebhookIntake intake, Problems problems, ILogger<WebhookIntake> logger, CancellationToken ct)
    {
        try
        {
            var notice = await PortOneForm.ReadAsync(request, ct);
            await intake.RecordAsync(notice["imp_uid"], notice["merchant_uid"], ct);
            return TypedResults.Ok();
        }
        catch (AppException refusal)
        {
            logger.LogWarning("Webhook refused: {Code} ({Field})", refusal.Code, refusal.Field);
            Problems.UseCultureOf(request.HttpContext);
            return problems.For(refusal);
        }
        catch (WebhookNotRecordedException error)
        {
            logger.LogWarning(error, "A webhook could not be recorded; asking PortOne to retry");
            return TypedResults.Problem("notice could not be recorded; retry", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
