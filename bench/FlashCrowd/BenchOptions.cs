namespace Woohakdong.Bench;

/// <summary>Command line: <c>--name value</c> pairs; every one has a default matching the benchmark.</summary>
public sealed record BenchOptions(
    IReadOnlyList<Uri> Instances, int Students, int Seats, int Concurrency, int SetupParallelism, TimeSpan ProbeTime,
    double? PgbenchTps, string? ResultFile)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        var instances = Get("instances", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList();
        if (instances.Count == 0) throw new ArgumentException("--instances http://127.0.0.1:PORT,http://127.0.0.1:PORT is required.");
        var concurrency = int.Parse(Get("concurrency", "50"));
        if (concurrency % instances.Count != 0) throw new ArgumentException("--concurrency must divide evenly across the instances.");
        return new BenchOptions(
            instances,
            int.Parse(Get("students", "2000")),
            int.Parse(Get("seats", "100")),
            concurrency,
            int.Parse(Get("setup-parallelism", "8")),
            TimeSpan.FromSeconds(double.Parse(Get("probe-seconds", "10"))),
            values.TryGetValue("pgbench-tps", out var tps) ? double.Parse(tps) : null,
            values.GetValueOrDefault("result-file"));
    }
}
