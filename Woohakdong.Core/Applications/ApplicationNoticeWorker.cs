using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Applications;

/// <summary>Runs <see cref="ApplicationNotices"/> on every instance, every <see cref="ApplicationOptions.NoticeInterval"/>.</summary>
public sealed class ApplicationNoticeWorker(
    IServiceScopeFactory scopes, IOptions<ApplicationOptions> options, TimeProvider time, ILogger<ApplicationNoticeWorker> logger)
    : PeriodicWork(scopes, options.Value.NoticeInterval, time, logger)
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<ApplicationNotices>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} application notifications", sent);
    }
}
