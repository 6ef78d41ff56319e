using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>
/// Sends PortOne's V1 webhook (JSON <c>{imp_uid, merchant_uid, status}</c>) the way PortOne does: one attempt, not
/// awaited by the buyer's flow, to the app's own webhook: <c>PortOne:Sandbox:WebhookUrl</c>, else the app's own
/// <c>/webhooks/portone</c>. The sandbox is reachable by anyone, so a payment's <c>notice_url</c> may only name that same
/// address (<see cref="AcceptsNoticeUrl"/>); otherwise anyone could make this server POST wherever they like.
/// </summary>
public sealed class SandboxWebhooks(
    IHttpClientFactory clients, IOptions<PortOneOptions> options, OwnServerAddress ownAddress, ILogger<SandboxWebhooks> logger)
{
    public const string ClientName = "PortOneSandboxWebhook";
    public const string DefaultPath = "/webhooks/portone";

    public const string ForeignNoticeUrl = "notice_url는 이 앱의 웹훅 주소만 가리킬 수 있습니다.";

    /// <summary>No <c>notice_url</c>, the own webhook's path, or the own webhook's full address.</summary>
    public bool AcceptsNoticeUrl(string? noticeUrl)
    {
        if (string.IsNullOrWhiteSpace(noticeUrl)) return true;
        try
        {
            var own = OwnTarget();
            return noticeUrl == own.AbsolutePath
                   || (Uri.TryCreate(noticeUrl, UriKind.Absolute, out var asked)
                       && Uri.Compare(asked, own, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0);
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException)
        {
            return false;
        }
    }

    public void Send(SandboxPayment payment, string? cancellationId = null)
    {
        Uri target;
        try
        {
            target = OwnTarget();
        }
        catch (Exception e) when (e is UriFormatException or InvalidOperationException)
        {
            logger.LogWarning(e, "Sandbox webhook for {ImpUid} not sent: no usable target", payment.ImpUid);
            return;
        }
        var body = new { imp_uid = payment.ImpUid, merchant_uid = payment.MerchantUid, status = payment.Status, cancellation_id = cancellationId };
        _ = Task.Run(() => DeliverAsync(target, body, payment.ImpUid));
    }

    private Uri OwnTarget() =>
        !string.IsNullOrWhiteSpace(options.Value.Sandbox.WebhookUrl) ? new Uri(options.Value.Sandbox.WebhookUrl)
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
