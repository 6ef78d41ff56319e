using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Data;

public static class DataRegistration
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{AppDbContext}"/> for the configured provider. The context options are
    /// built once (building them per scope cost a tenth of a sold-out answer's CPU); the factory is scoped, and tells
    /// each context it hands out whose request or circuit it serves, for the audit stamps.
    /// </summary>
    public static IServiceCollection AddWoohakdongData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditInterceptor>();

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
            options.AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<NotificationAnnouncer>());
        });
        services.AddScoped<IDbContextFactory<AppDbContext>, ScopeFactory<TContext>>();
        // Identity's stores and the data-protection key ring take the context itself.
        services.AddScoped<AppDbContext>(sp => ScopeFactory<TContext>.ActingFor(sp.GetRequiredService<TContext>(), sp.GetRequiredService<ICurrentUser>()));
    }

    private sealed class ScopeFactory<TContext>(IDbContextFactory<TContext> inner, ICurrentUser currentUser) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => ActingFor(inner.CreateDbContext(), currentUser);

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            ActingFor(await inner.CreateDbContextAsync(cancellationToken), currentUser);

        public static AppDbContext ActingFor(AppDbContext context, ICurrentUser actor)
        {
            context.Actor = actor;
            return context;
        }
    }
}
