using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notices;

/// <summary>Many members reading one notice at once, each from several devices: every reader counts once, nothing answers 500.</summary>
public abstract class NoticeReadRaceTests<TApp>(TApp app) where TApp : AppFactoryBase
{
    private const int Readers = 6, DevicesEach = 5;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_reads_count_each_member_once()
    {
        var president = await app.SignUpAsync();
        var clubId = (await president.CreateClubAsync($"rr{Guid.NewGuid():N}"[..12])).Id;
        var readers = new List<ApiAccounts.SignedIn>();
        for (var i = 0; i < Readers; i++)
        {
            var reader = await app.SignUpAsync();
            await app.GrantRoleAsync(reader, clubId, ClubRole.Member);
            readers.Add(reader);
        }
        var noticeId = await president.Client.PostNoticeAsync(clubId);
        using var start = new SemaphoreSlim(0);

        var reads = readers.SelectMany(reader => Enumerable.Range(0, DevicesEach).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            using var response = await reader.Client.PostAsync($"/v1/notices/{noticeId}/read", null, Ct);
            return response.StatusCode;
        })).ToList();
        start.Release(reads.Count);

        Assert.All(await Task.WhenAll(reads), status => Assert.Equal(HttpStatusCode.NoContent, status));
        var seen = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/notices/{noticeId}", Ct);
        Assert.Equal((Readers, Readers + 1), (seen.GetProperty("readCount").GetInt32(), seen.GetProperty("memberCount").GetInt32()));
    }
}

public sealed class SqliteNoticeReadRaceTests(AppFactory app) : NoticeReadRaceTests<AppFactory>(app), IClassFixture<AppFactory>;

public sealed class PostgresNoticeReadRaceTests(PostgresAppFactory app) : NoticeReadRaceTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
