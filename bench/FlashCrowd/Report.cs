namespace Woohakdong.Bench;

public sealed class Report(
    BenchOptions options, IReadOnlyList<Attempt> attempts, double crowdMs, ProbeResult trivial, ProbeResult steadyFull, string trivialPath)
{
    public int Admitted => attempts.Count(a => a.Status == 201);
    public int ServerErrors => attempts.Count(a => a.Status >= 500);

    public void Print()
    {
        var admissions = attempts.Where(a => a.Status == 201).Select(a => a.EndMs).Order().ToList();
        var fulls = attempts.Where(a => a.Code == "FULL").Select(a => a.EndMs).Order().ToList();
        var latencies = attempts.Select(a => a.LatencyMs).Order().ToList();
        // Time from the gate (every first request sent at once) to the last seat's answer.
        var admissionMs = admissions.Count > 0 ? admissions[Math.Min(options.Seats, admissions.Count) - 1] : double.NaN;
        var admissionsPerSecond = admissions.Count / (admissionMs / 1000);
        var fullWindowMs = fulls.Count > 1 ? fulls[^1] - fulls[0] : double.NaN;
        var fullPerSecond = fulls.Count / (fullWindowMs / 1000);

        Console.WriteLine();
        Console.WriteLine($"== flash crowd ({options.Scenario.Name}): {attempts.Count} students, {options.Seats} seats, {options.Instances.Count} instances, " +
                          $"{options.Concurrency} client connections ({options.Concurrency / options.Instances.Count} per instance)");
        Console.WriteLine($"admitted (HTTP 201)          {Admitted}" + (Admitted == options.Seats ? "" : $"   <<<<< FAIL: expected {options.Seats} >>>>>"));
        Console.WriteLine($"server errors (5xx)          {ServerErrors}" + (ServerErrors == 0 ? "" : "   <<<<< FAIL >>>>>"));
        Console.WriteLine($"crowd wall time              {crowdMs:F0} ms");
        Console.WriteLine($"admissions/s                 {admissionsPerSecond:F1}   ({admissions.Count} admissions in {admissionMs:F0} ms from the gate)");
        if (admissions.Count > 0)
            Console.WriteLine("admissions at (ms from gate)  " + string.Join(", ", new[] { 0.0, 0.25, 0.5, 0.75, 1.0 }
                .Select(q => $"{q:P0} {admissions[(int)Math.Round(q * (admissions.Count - 1))]:F0}")) +
                $"; first answer of any kind {attempts.Min(a => a.EndMs):F0}");
        Console.WriteLine($"sold-out answers/s (crowd)   {fullPerSecond:F1}   ({fulls.Count} FULL answers in a {fullWindowMs:F0} ms window)");
        Console.WriteLine($"sold-out answers/s (steady)  {steadyFull.PerSecond:F1}   (full {options.Scenario.Pool}, {options.ProbeTime.TotalSeconds:F0} s closed loop, " +
                          $"p50 {steadyFull.P50Ms:F1} ms, p99 {steadyFull.P99Ms:F1} ms, statuses {Format(steadyFull.Statuses)})");
        Console.WriteLine($"trivial endpoint/s           {trivial.PerSecond:F1}   (GET {trivialPath}, p50 {trivial.P50Ms:F1} ms, " +
                          $"p99 {trivial.P99Ms:F1} ms, statuses {Format(trivial.Statuses)})");
        Console.WriteLine($"attempt latency              p50 {Stats.Percentile(latencies, 0.50):F0} ms, p99 {Stats.Percentile(latencies, 0.99):F0} ms, " +
                          $"max {latencies[^1]:F0} ms (first request to final answer, BUSY retries included)");
        Console.WriteLine($"BUSY answers retried         {attempts.Sum(a => a.BusyAnswers)} (by {attempts.Count(a => a.BusyAnswers > 0)} students)");
        Console.WriteLine("final answers                " + string.Join(", ", attempts
            .GroupBy(a => $"{a.Status} {a.Code}".Trim()).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        if (options.PgbenchTps is { } tps)
        {
            Console.WriteLine($"pgbench hot-row tps          {tps:F1}");
            Console.WriteLine($"RATIO admissions/s / pgbench tps              {admissionsPerSecond / tps:P1}   (target >= 50%)");
        }
        Console.WriteLine($"RATIO sold-out/s (crowd) / trivial endpoint/s {fullPerSecond / trivial.PerSecond:P1}   (target >= 50%)");
        Console.WriteLine($"      sold-out/s (steady) / trivial endpoint/s {steadyFull.PerSecond / trivial.PerSecond:P1}");
    }

    private static string Format(IReadOnlyDictionary<int, long> statuses) =>
        string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"));
}
