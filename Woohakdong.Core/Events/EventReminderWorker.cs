using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Events;

/// <summary>Runs <see cref="EventReminders"/> on every instance, every <see cref="EventOptions.ReminderInterval"/>.</summary>
public sealed class EventReminderWorker(
    IServiceScopeFactory scopes, IOptions<EventOptions> options, TimeProvider time, ILogger<EventReminderWorker> logger)
    : PeriodicWork(scopes, options.Value.ReminderInterval, time, logger)
{
    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<EventReminders>().RunOnceAsync(ct);
        if (sent > 0) logger.LogInformation("Sent {Count} event reminders", sent);
    }
}
