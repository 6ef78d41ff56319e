using System.Diagnostics;

namespace Woohakdong.Bench;

public sealed record ProbeResult(long Requests, double Seconds, IReadOnlyDictionary<int, long> Statuses, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>Closed loop for a fixed time: <c>concurrency</c> workers spread over the instances, each sending the next request at once.</summary>
public static class RateProbe
{
    public static async Task<ProbeResult> RunAsync(
        IReadOnlyList<WoohakdongApi> instances, int concurrency, TimeSpan duration, Func<WoohakdongApi, int, Task<int>> request)
    {
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var api = instances[worker % instances.Count];
            var latencies = new List<double>();
            var statuses = new List<int>();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var sent = clock.Elapsed.TotalMilliseconds;
                statuses.Add(await request(api, worker * 1_000_000 + i));
                latencies.Add(clock.Elapsed.TotalMilliseconds - sent);
            }
            return (latencies, statuses);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var latencies = results.SelectMany(r => r.latencies).Order().ToList();
        var statuses = results.SelectMany(r => r.statuses).GroupBy(s => s).ToDictionary(g => g.Key, g => (long)g.Count());
        return new ProbeResult(latencies.Count, seconds, statuses, Stats.Percentile(latencies, 0.50), Stats.Percentile(latencies, 0.99));
    }
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of an ascending list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
