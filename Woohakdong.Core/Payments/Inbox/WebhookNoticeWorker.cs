using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// Settles recorded webhooks on every instance: at once when this instance recorded one, otherwise every
/// <see cref="PaymentOptions.NoticePollInterval"/> (notices another instance recorded, or left claimed when it stopped).
/// </summary>
public sealed class WebhookNoticeWorker(
    IServiceScopeFactory scopes, WebhookArrivals arrivals, IOptions<PaymentOptions> options, ILogger<WebhookNoticeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<WebhookNoticeBatch>().RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A gateway or database error: the claimed notices come back after their retry time.
                logger.LogWarning(error, "Settling recorded webhooks failed; trying again");
            }
            if (claimed == 0) await arrivals.WaitAsync(options.Value.NoticePollInterval, stoppingToken);
        }
    }
}
