using System.Net;
using System.Text.Json;

namespace Woohakdong.Tests.Infrastructure;

public sealed class PostgresAppFactoryTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task The_app_on_postgres_reports_a_healthy_database()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await app.CreateClient().GetAsync("/health", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
