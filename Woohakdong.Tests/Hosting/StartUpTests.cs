using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Hosting;

/// <summary>What an operator sees when the app starts as its own process: a clean first start, a clear refusal.</summary>
public sealed class StartUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_start_on_an_empty_PostgreSQL_database_logs_no_error()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
        };

        await using var app = await AppProcess.StartAsync("first start", settings, "Staging", Ct);

        Assert.True(app.LoggedErrors.Count == 0, app.RecentOutput);
    }

    [Fact]
    public async Task Missing_production_settings_end_start_up_with_their_names_and_no_stack_trace()
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AppProcess.StartAsync("production without settings", new Dictionary<string, string>(), "Production", Ct));

        Assert.Contains("exited with code 1 ", refusal.Message);
        // Every missing setting at once, not one per attempt.
        Assert.Contains("Woohakdong cannot start: Database:Provider must be Postgres", refusal.Message);
        Assert.Contains("Woohakdong cannot start: DataProtection:CertificatePath is required", refusal.Message);
        Assert.Contains("Woohakdong cannot start: Storage:Provider must be S3", refusal.Message);
        Assert.Contains("Woohakdong cannot start: Email:Smtp:Host is missing", refusal.Message);
        Assert.Contains("Woohakdong cannot start: Email:From is missing", refusal.Message);
        Assert.Contains("Woohakdong cannot start: Email:LinkBaseUrl is missing", refusal.Message);
        Assert.DoesNotContain("Unhandled exception", refusal.Message);
        Assert.DoesNotContain("   at ", refusal.Message);
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_ends_start_up_naming_the_setting()
    {
        var settings = new Dictionary<string, string> { ["Database:Provider"] = "Postgres" };

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AppProcess.StartAsync("postgres without connection string", settings, "Staging", Ct));

        Assert.Contains("exited with code 1 ", refusal.Message);
        Assert.Contains("Woohakdong cannot start: Database:ConnectionString is required", refusal.Message);
    }

    /// <summary>
    /// <c>dotnet run</c> runs in Development, where the container checks scopes: a scoped service resolved at start-up
    /// (Identity's e-mail sender, taken when its endpoints are mapped) ended it before it served anything.
    /// </summary>
    [Fact]
    public async Task A_development_start_serves_the_OpenAPI_document_with_the_notification_endpoints()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        var mail = Directory.CreateTempSubdirectory("woohakdong-mail-");
        var objects = Directory.CreateTempSubdirectory("woohakdong-objects-");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Email:PickupDirectory"] = mail.FullName,
            ["Storage:LocalDisk:Root"] = objects.FullName,
        };
        try
        {
            await using var app = await AppProcess.StartAsync("development start", settings, "Development", Ct);
            var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

            var paths = document.GetProperty("paths");
            Assert.True(paths.GetProperty("/v1/me/notifications").TryGetProperty("get", out _));
            Assert.True(paths.GetProperty("/v1/me/notifications/{notificationId}/read").TryGetProperty("post", out _));
            Assert.True(paths.GetProperty("/v1/me/notifications/read-all").TryGetProperty("post", out _));
            Assert.True(paths.GetProperty("/v1/me/notification-settings").TryGetProperty("put", out _));
            Assert.True(app.LoggedErrors.Count == 0, app.RecentOutput);
        }
        finally
        {
            mail.Delete(recursive: true);
            objects.Delete(recursive: true);
        }
    }
}
