using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Accounts;

public static class AccountFlowsRegistration
{
    /// <summary>The account flows by e-mail; they stand on Identity, which the host registers first.</summary>
    public static IServiceCollection AddAccountFlows(this IServiceCollection services)
    {
        services.AddScoped<PasswordReset>();
        services.AddScoped<EmailConfirmation>();
        services.AddSingleton<EmailChange>();
        return services;
    }
}
