using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Woohakdong.Core.Storage;

/// <summary>Healthy when the store answers a listing (a missing bucket fails it; a lookup of a missing key would not).</summary>
public sealed class StorageHealthCheck(IObjectStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.ListAsync("health/", DateTimeOffset.MinValue, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The object storage does not answer.", error);
        }
    }
}
