using System.Diagnostics;
using System.Globalization;
using Woohakdong.Bench;

// Flash crowd against running instances (bench/flash-crowd.sh starts them): setup (not timed), warm-up, the trivial
// endpoint's rate, the crowd, then the steady sold-out rate. Prints the figures and the two ratios of issue 4. The
// scenario (--scenario join|event) decides only what the crowd rushes at.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var scenario = options.Scenario;
var perInstance = options.Concurrency / options.Instances.Count;
// A crowd of 20,000 on 50 connections queues in this client, on a busy machine for over a minute: that wait is part of
// each attempt, not a hang (flash-crowd.sh bounds the whole run).
var instances = options.Instances.Select(uri => new WoohakdongApi(uri, perInstance, timeout: TimeSpan.FromMinutes(10))).ToList();
const string Password = "bench-password-1";
// The app sends a student here to pick a language: routing, a cookie and a redirect, no database, cache or file.
const string TrivialPath = "/culture/ko?returnUrl=/";

Console.WriteLine($"setup ({scenario.Name}): president, twice {scenario.Opens} (warm-up 20 seats, crowd {options.Seats}), {options.Students} " +
                  $"students (one through /v1, the others copied in SQL, each logged in) with parallelism {options.SetupParallelism}");
var setupClock = Stopwatch.StartNew();
var president = await instances[0].SignUpAsync("president@bench.woohakdong.test", Password, 0);
var warmupPath = scenario.SeatPath(await scenario.OpenAsync(instances[0], president, "bench-warmup", 20));
var crowdPool = await scenario.OpenAsync(instances[0], president, "bench-crowd", options.Seats);
var crowdPath = scenario.SeatPath(crowdPool);
var tokens = await Students.SignUpAsync(instances, options.Database, options.Students, Password, options.SetupParallelism, setupClock);
Console.WriteLine($"setup done in {setupClock.Elapsed.TotalSeconds:F0} s; crowd {scenario.Pool} {crowdPool}: POST {crowdPath}");

// Warm-up: JIT, connection pools and the lock's code paths on both instances, on another club.
await Crowd.RunAsync(instances, warmupPath, tokens.Take(Math.Min(200, tokens.Length)).ToList());
await RateProbe.RunAsync(instances, options.Concurrency, TimeSpan.FromSeconds(2), (api, _) => api.GetStatusAsync(TrivialPath));

var trivial = await RateProbe.RunAsync(instances, options.Concurrency, options.ProbeTime, (api, _) => api.GetStatusAsync(TrivialPath));
var crowdStart = Stopwatch.GetTimestamp();
var (attempts, crowdMs) = await Crowd.RunAsync(instances, crowdPath, tokens);
// Stopwatch is CLOCK_MONOTONIC on Linux: these bound the crowd in a `perf record -k CLOCK_MONOTONIC` (perf report --time).
Console.WriteLine($"crowd on the monotonic clock: {Seconds(crowdStart):F6},{Seconds(Stopwatch.GetTimestamp()):F6}");
var steadyFull = await RateProbe.RunAsync(instances, options.Concurrency, options.ProbeTime,
    async (api, i) => (await api.TakeSeatAsync(crowdPath, tokens[i % tokens.Length])).Status);

var report = new Report(options, attempts, crowdMs, trivial, steadyFull, TrivialPath);
report.Print();
if (options.ResultFile is { } file)
    await File.WriteAllTextAsync(file, $"pool_id={crowdPool}\nseats={options.Seats}\nadmitted_http={report.Admitted}\nserver_errors={report.ServerErrors}\n");
foreach (var api in instances) api.Dispose();
return report.Admitted == options.Seats && report.ServerErrors == 0 ? 0 : 1;

static double Seconds(long timestamp) => (double)timestamp / Stopwatch.Frequency;
