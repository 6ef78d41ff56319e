using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>
/// Sends recorded e-mails on every instance: again at once while claims come back full, as soon as this instance records
/// a notification, and otherwise every <see cref="MailOptions.PollInterval"/> (mail recorded elsewhere, or due for a retry).
/// </summary>
public sealed class EmailWorker(
    IServiceScopeFactory scopes, PendingEmails pending, IOptions<MailOptions> options, TimeProvider time, ILogger<EmailWorker> logger)
    : SignalledWork(scopes, pending, options.Value.PollInterval, time, logger)
{
    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<EmailBatch>().RunOnceAsync(ct) == EmailOutbox.ClaimSize;
}
