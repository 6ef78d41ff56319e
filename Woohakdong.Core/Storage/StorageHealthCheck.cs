using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Woohakdong.Core.Storage;

/// <summary>Healthy when the store answers a metadata lookup (for a key that is never written).</summary>
public sealed class StorageHealthCheck(IObjectStorage storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.GetInfoAsync("health/probe", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The object storage does not answer.", error);
        }
    }
}
