using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications;

/// <summary>
/// A huge read-all race: many read-alls at once while notifications keep arriving. Each notification is counted by
/// exactly one read-all (the one that marked it), nothing is left unread after a last one, and nothing answers 500.
/// </summary>
public abstract class ReadAllRaceTests<TApp>(TApp app) where TApp : AppFactoryBase
{
    private const int ReadAlls = 20, Writers = 10, NotificationsPerWriter = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ReadAllAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v1/me/notifications/read-all", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32();
    }

    [Fact]
    public async Task Concurrent_read_alls_and_new_notifications_count_each_notification_once()
    {
        var student = await app.SignUpAsync();
        var id = await app.Services.UserIdAsync(student.Email);
        using var start = new SemaphoreSlim(0);

        var readers = Enumerable.Range(0, ReadAlls).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await ReadAllAsync(student.Client);
        }).ToList();
        var writers = Enumerable.Range(0, Writers).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            for (var i = 0; i < NotificationsPerWriter; i++) await app.Services.RecordAsync(Inboxes.RoleChanged(id));
        }).ToList();
        start.Release(ReadAlls + Writers);
        var marked = await Task.WhenAll(readers);
        await Task.WhenAll(writers);
        var last = await ReadAllAsync(student.Client);

        Assert.Equal(Writers * NotificationsPerWriter, marked.Sum() + last);
        var unread = await student.Client.GetFromJsonAsync<JsonElement>("/v1/me/notifications?unread=true", Ct);
        Assert.Equal(0, unread.GetArrayLength());
        Assert.Equal(0, await ReadAllAsync(student.Client));
    }
}

public sealed class SqliteReadAllRaceTests(AppFactory app) : ReadAllRaceTests<AppFactory>(app), IClassFixture<AppFactory>;

public sealed class PostgresReadAllRaceTests(PostgresAppFactory app) : ReadAllRaceTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
