using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Items;

/// <summary>Runs <see cref="OverdueNotices"/> on every instance, every <see cref="ItemOptions.OverdueNoticeInterval"/>.</summary>
public sealed class OverdueNoticeWorker(
    IServiceScopeFactory scopes, IOptions<ItemOptions> options, TimeProvider time, ILogger<OverdueNoticeWorker> logger)
    : PeriodicWork(scopes, options.Value.OverdueNoticeInterval, time, logger)
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<OverdueNotices>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} overdue notices", sent);
    }
}
