using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Woohakdong.Core.Data;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Hosting;

public static class HealthSetup
{
    /// <summary>Each configured dependency registers its own check; /health reports them all.</summary>
    public static IHealthChecksBuilder AddWoohakdongHealth(this IServiceCollection services) =>
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database").AddCheck<StorageHealthCheck>("storage");

    public static void MapWoohakdongHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson }).DisableHttpMetrics();

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description ?? entry.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
