using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// Settles recorded webhooks on every instance: again at once while passes find notices (a batch is bounded), as soon as
/// this instance records one, and otherwise every <see cref="PaymentOptions.NoticePollInterval"/> (notices another
/// instance recorded, or left claimed when it stopped). A failed pass's notices come back after their retry time.
/// </summary>
public sealed class WebhookNoticeWorker(
    IServiceScopeFactory scopes, WebhookArrivals arrivals, IOptions<PaymentOptions> options, TimeProvider time, ILogger<WebhookNoticeWorker> logger)
    : SignalledWork(scopes, arrivals, options.Value.NoticePollInterval, time, logger)
{
    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<WebhookNoticeBatch>().RunOnceAsync(ct) > 0;
}
