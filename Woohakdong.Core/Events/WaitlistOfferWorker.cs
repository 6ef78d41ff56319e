using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

/// <summary>
/// Runs <see cref="WaitlistOffers"/> on every instance: at once when a seat freed here is owed to a waitlist
/// (<see cref="FreedSeats"/>), and every <see cref="EventOptions.OfferSweepInterval"/> for seats freed where nobody offered
/// them (an instance that stopped in between).
/// </summary>
public sealed class WaitlistOfferWorker(
    IServiceScopeFactory scopes, FreedSeats freedSeats, IOptions<EventOptions> options, TimeProvider time, ILogger<WaitlistOfferWorker> logger)
    : SignalledWork(scopes, freedSeats, options.Value.OfferSweepInterval, time, logger)
{
    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken ct)
    {
        var offered = await services.GetRequiredService<WaitlistOffers>().OfferOwedAsync(ct);
        if (offered > 0) logger.LogInformation("Offered {Count} freed seats to waitlists", offered);
        return false;
    }
}
