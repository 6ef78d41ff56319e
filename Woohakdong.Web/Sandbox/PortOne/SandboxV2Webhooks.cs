using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Web.Endpoints;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// PortOne V2's webhook (version 2024-04-25) as the sandbox sends it: <c>{type, timestamp, data: {paymentId, storeId,
/// transactionId, cancellationId?}}</c>, signed per Standard Webhooks with the sandbox's webhook secret, posted once to
/// the app's own <c>/webhooks/portone/v2</c>. Each is kept exactly as sent (<see cref="SandboxV2Store.WebhooksOf"/>), so
/// a test can check its signature with an independent verifier.
/// </summary>
public sealed class SandboxV2Webhooks(
    IHttpClientFactory clients, IOptions<PortOneOptions> options, SandboxV2Store store, OwnServerAddress ownAddress, TimeProvider time,
    ILogger<SandboxV2Webhooks> logger)
{
    /// <summary>Signs and records the webhook at once; its delivery is not awaited, as PortOne's is not part of the buyer's flow.</summary>
    public SandboxV2Webhook Send(string type, SandboxV2Payment payment, string? cancellationId = null)
    {
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(new
        {
            type,
            timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            data = new { paymentId = payment.Id, storeId = payment.StoreId, transactionId = payment.TransactionId, cancellationId },
        }, SandboxV2Api.Json);
        var id = $"msg_{Guid.NewGuid():N}";
        var signature = new StandardWebhook(options.Value.Sandbox.V2.WebhookSecret!).Sign(id, now, body);
        var webhook = new SandboxV2Webhook(payment.Id, new Dictionary<string, string>
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = signature,
        }, body);
        store.Sent(webhook);
        _ = Task.Run(() => DeliverAsync(webhook));
        return webhook;
    }

    private async Task DeliverAsync(SandboxV2Webhook webhook)
    {
        try
        {
            var target = new Uri(ownAddress.Get(), PortOneV2Webhook.Path.TrimStart('/'));
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(webhook.Body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in webhook.Headers) request.Headers.TryAddWithoutValidation(name, value);
            using var response = await clients.CreateClient(SandboxWebhooks.ClientName).SendAsync(request);
            logger.LogInformation("Sandbox V2 webhook for {PaymentId}: HTTP {Status}", webhook.PaymentId, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning(e, "Sandbox V2 webhook for {PaymentId} failed", webhook.PaymentId);
        }
    }
}
