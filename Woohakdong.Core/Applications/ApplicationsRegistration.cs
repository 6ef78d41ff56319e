using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Applications;

public static class ApplicationsRegistration
{
    /// <summary>Joining by application; stands on <c>AddEnrollment</c> (the seat service) and <c>AddNotifications</c>.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApplicationOptions>().Bind(configuration.GetSection(ApplicationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApplicationOptions>, ApplicationOptionsValidator>();
        services.AddScoped<ApplicationForms>();
        services.AddScoped<Applying>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<Decisions>();
        services.AddScoped<ApplicationNotices>();
        services.AddScoped<IHoldEndObserver, ApprovalHolds>();
        services.AddHostedService<ApplicationNoticeWorker>();
        return services;
    }
}
