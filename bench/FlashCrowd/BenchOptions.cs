namespace Woohakdong.Bench;

/// <summary>
/// Command line: <c>--name value</c> pairs; <c>--instances</c> and <c>--database</c> (the instances' connection string, where
/// the students are copied) are required, the others have defaults matching the issues' benchmarks (students and seats by
/// scenario).
/// </summary>
public sealed record BenchOptions(
    IReadOnlyList<Uri> Instances, string Database, Scenario Scenario, int Students, int Seats, int Concurrency, int SetupParallelism,
    TimeSpan ProbeTime, double? PgbenchTps, string? ResultFile)
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
        var database = Get("database", "");
        if (database.Length == 0) throw new ArgumentException("--database (the instances' connection string) is required.");
        var scenario = Scenario.Named(Get("scenario", Scenario.Join.Name));
        return new BenchOptions(
            instances,
            database,
            scenario,
            int.Parse(Get("students", $"{scenario.DefaultStudents}")),
            int.Parse(Get("seats", $"{scenario.DefaultSeats}")),
            concurrency,
            int.Parse(Get("setup-parallelism", "8")),
            TimeSpan.FromSeconds(double.Parse(Get("probe-seconds", "10"))),
            values.TryGetValue("pgbench-tps", out var tps) ? double.Parse(tps) : null,
            values.GetValueOrDefault("result-file"));
    }
}
