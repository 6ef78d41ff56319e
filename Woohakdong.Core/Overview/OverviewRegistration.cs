using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Overview;

public static class OverviewRegistration
{
    /// <summary>The dashboard's overview and the features' counts of what needs an officer.</summary>
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddScoped<ClubOverview>();
        services.AddSingleton<IOverviewNeeds, ApplicationNeeds>();
        services.AddSingleton<IOverviewNeeds, LoanNeeds>();
        return services;
    }
}
