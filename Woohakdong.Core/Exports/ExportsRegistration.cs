using Microsoft.Extensions.DependencyInjection;

namespace Woohakdong.Core.Exports;

public static class ExportsRegistration
{
    /// <summary>Every <see cref="IExportDefinition"/> in this assembly, so a new export is one file.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        var definitions = typeof(IExportDefinition).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IExportDefinition).IsAssignableFrom(t));
        foreach (var definition in definitions) services.AddSingleton(typeof(IExportDefinition), definition);
        services.AddScoped<ClubExports>();
        return services;
    }
}
