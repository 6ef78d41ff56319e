using System.Net;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

public sealed class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_redis_unreachable_health_is_503_and_joining_goes_on_under_the_database_guard()
    {
        await using var app = new AppFactory();
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        app.Settings["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=500";
        var president = await ApiStudents.SignUpAsync(app);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit: 1);
        var groupId = (await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        await president.PutAsync($"/v1/groups/{groupId}", JsonContent("""{"recruiting":true,"seatLimit":1,"amount":0}"""), Ct);
        var first = await ApiStudents.SignUpAsync(app);
        var second = await ApiStudents.SignUpAsync(app);

        var health = await app.CreateClient().GetAsync("/health", Ct);
        var admitted = await first.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        var full = await second.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var checks = (await health.JsonAsync()).GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal("FULL", (await full.JsonAsync()).GetProperty("code").GetString());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
