using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// Sends PortOne's V1 webhook (JSON <c>{imp_uid, merchant_uid, status}</c>) the way PortOne does: one attempt, not
/// awaited by the buyer's flow, to the payment's <c>notice_url</c>, else <c>PortOne:Sandbox:WebhookUrl</c>, else the
/// app's own <c>/webhooks/portone</c>.
/// </summary>
public sealed class SandboxWebhooks(
    IHttpClientFactory clients, IOptions<PortOneOptions> options, OwnServerAddress ownAddress, ILogger<SandboxWebhooks> logger)
{
    public const string ClientName = "PortOneSandboxWebhook";
    public const string DefaultPath = "/webhooks/portone";

    public void Send(SandboxPayment payment, string? noticeUrl, string? cancellationId = null)
    {
        Uri target;
        try
        {
            target = Target(noticeUrl);
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException)
        {
            logger.LogWarning(e, "Sandbox webhook for {ImpUid} not sent: no usable target", payment.ImpUid);
            return;
        }
        var body = new { imp_uid = payment.ImpUid, merchant_uid = payment.MerchantUid, status = payment.Status, cancellation_id = cancellationId };
        _ = Task.Run(() => DeliverAsync(target, body, payment.ImpUid));
    }

    private Uri Target(string? noticeUrl) =>
        !string.IsNullOrWhiteSpace(noticeUrl) ? new Uri(noticeUrl)
        : !string.IsNullOrWhiteSpace(options.Value.Sandbox.WebhookUrl) ? new Uri(options.Value.Sandbox.WebhookUrl)
        : new Uri(ownAddress.Get(), DefaultPath);

    private async Task DeliverAsync(Uri target, object body, string impUid)
    {
        try
        {
            using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(target, body);
            logger.LogInformation("Sandbox webhook for {ImpUid} to {Target}: HTTP {Status}", impUid, target, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "Sandbox webhook for {ImpUid} to {Target} failed", impUid, target);
        }
    }
}
