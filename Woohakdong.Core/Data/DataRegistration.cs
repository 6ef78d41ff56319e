using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Data;

public static class DataRegistration
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{AppDbContext}"/> for the configured provider. The factory is scoped
    /// so that the audit interceptor sees the user of the current request or circuit.
    /// </summary>
    public static IServiceCollection AddWoohakdongData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();

        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Postgres)
            Register<PostgresAppDbContext>(services, (options, connection) => options.UseNpgsql(connection));
        else
            Register<SqliteAppDbContext>(services, (options, connection) => options.UseSqlite(connection));
        return services;
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder, string> useProvider)
        where TContext : AppDbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            var connection = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.EffectiveConnectionString;
            useProvider(options, connection);
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
        }, ServiceLifetime.Scoped);
        services.AddScoped<IDbContextFactory<AppDbContext>, UpcastFactory<TContext>>();
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
