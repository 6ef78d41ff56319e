using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Woohakdong.Tests.Enrollment.TwoInstances;

public static class Health
{
    // A bound, not a timing assert: Redis reconnects with a back-off of several seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Polls <c>/health</c> until it answers <paramref name="status"/> with the Redis check <paramref name="redis"/>.</summary>
    public static async Task AssertBecomesAsync(HttpClient instance, HttpStatusCode status, string redis, string output)
    {
        var ct = TestContext.Current.CancellationToken;
        var waited = Stopwatch.StartNew();
        var last = "";
        while (waited.Elapsed < Patience)
        {
            using var health = await instance.GetAsync("/health", ct);
            var body = await health.Content.ReadAsStringAsync(ct);
            last = $"{(int)health.StatusCode} {body}";
            if (health.StatusCode == status && RedisStatus(body) == redis) return;
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
        Assert.Fail($"/health on {instance.BaseAddress} never answered {(int)status} with redis {redis}; last: {last}\n{output}");
    }

    private static string? RedisStatus(string body)
    {
        using var health = JsonDocument.Parse(body);
        return health.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString();
    }
}
