using System.Diagnostics;
using System.Globalization;
using Woohakdong.Bench;

// Flash crowd against running instances (bench/flash-crowd.sh starts them): setup (not timed), warm-up, the trivial
// endpoint's rate, the crowd, then the steady sold-out rate. Prints the figures and the two ratios of issue 4.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
var perInstance = options.Concurrency / options.Instances.Count;
var instances = options.Instances.Select(uri => new WoohakdongApi(uri, perInstance)).ToList();
const string Password = "bench-password-1";
// The app sends a student here to pick a language: routing, a cookie and a redirect, no database, cache or file.
const string TrivialPath = "/culture/ko?returnUrl=/";

Console.WriteLine($"setup: president, 2 free clubs, {options.Students} students (register, login, profile) with parallelism {options.SetupParallelism}");
var setupClock = Stopwatch.StartNew();
var president = await instances[0].SignUpAsync("president@bench.woohakdong.test", Password, 0);
var warmupGroup = await instances[0].OpenClubAsync(president, "bench-warmup", 20);
var crowdGroup = await instances[0].OpenClubAsync(president, "bench-crowd", options.Seats);
var tokens = new string[options.Students];
var signedUp = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, options.Students), new ParallelOptions { MaxDegreeOfParallelism = options.SetupParallelism },
    async (i, _) =>
    {
        tokens[i] = await instances[i % instances.Count].SignUpAsync($"student{i}@bench.woohakdong.test", Password, i + 1);
        if (Interlocked.Increment(ref signedUp) % 500 == 0) Console.WriteLine($"  {signedUp} students ready ({setupClock.Elapsed.TotalSeconds:F0} s)");
    });
Console.WriteLine($"setup done in {setupClock.Elapsed.TotalSeconds:F0} s; crowd group {crowdGroup}");

// Warm-up: JIT, connection pools and the lock's code paths on both instances, on another club.
await Crowd.RunAsync(instances, warmupGroup, tokens.Take(Math.Min(200, tokens.Length)).ToList());
await RateProbe.RunAsync(instances, options.Concurrency, TimeSpan.FromSeconds(2), (api, _) => api.GetStatusAsync(TrivialPath));

var trivial = await RateProbe.RunAsync(instances, options.Concurrency, options.ProbeTime, (api, _) => api.GetStatusAsync(TrivialPath));
var (attempts, crowdMs) = await Crowd.RunAsync(instances, crowdGroup, tokens);
var steadyFull = await RateProbe.RunAsync(instances, options.Concurrency, options.ProbeTime,
    async (api, i) => (await api.JoinAsync(crowdGroup, tokens[i % tokens.Length])).Status);

var report = new Report(options, attempts, crowdMs, trivial, steadyFull, TrivialPath);
report.Print();
if (options.ResultFile is { } file)
    await File.WriteAllTextAsync(file, $"group_id={crowdGroup}\nadmitted_http={report.Admitted}\nserver_errors={report.ServerErrors}\n");
foreach (var api in instances) api.Dispose();
return report.Admitted == options.Seats && report.ServerErrors == 0 ? 0 : 1;
