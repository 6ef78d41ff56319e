using Microsoft.AspNetCore.Hosting;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Data;

public sealed class ProductionSettingsTests
{
    [Fact]
    public void Postgres_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        using var app = new UnconfiguredPostgresApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Database:ConnectionString", Flatten(error));
    }

    [Fact]
    public void The_production_environment_refuses_the_embedded_sqlite_default_naming_the_setting()
    {
        using var app = new ProductionOnSqliteApp();

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Database:Provider must be Postgres", Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? "" : " | " + Flatten(error.InnerException));

    private sealed class ProductionOnSqliteApp : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
        }
    }

    private sealed class UnconfiguredPostgresApp : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", "");
        }
    }
}
