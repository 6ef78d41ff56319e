using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Ledger;

public static class LedgerRegistration
{
    /// <summary>The club's ledger (회계 장부); needs <c>AddStorage</c> and <c>AddItems</c> (receipt uploads and links).</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<LedgerBook>();
        services.AddScoped<RecordEntry>();
        services.AddScoped<ReverseEntry>();
        services.AddScoped<LedgerSettings>();
        return services;
    }
}
