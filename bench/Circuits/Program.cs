using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Woohakdong.Bench;

// Idle Blazor Server circuits against one running instance (bench/circuits.sh starts it): a club page, opened N times
// by headless circuit clients; the app's GC heap and working set before and after, per circuit, and what the heap
// gained by type. See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = CircuitOptions.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency * 2 })
{
    Timeout = TimeSpan.FromSeconds(120),
};
var page = new Uri(options.Instance, options.Page ?? await CreateClubPageAsync(options.Instance));
var memory = new ServerMemory(options.ServerPid, options.ToolFolder, options.WorkFolder);
Console.WriteLine($"page {page}; {options.Circuits} circuits, {options.Concurrency} opening at a time, then {options.Idle.TotalSeconds:F0} s idle");

// Warm-up: JIT and pools, then the circuits are dropped so the baseline holds none. One page first, alone: the first
// view of a club in a term creates the term's join group, and a crowd would race to create it.
foreach (var size in new[] { 1, 20 })
{
    await using var warm = await OpenAsync(size);
}
var before = await memory.MeasureAsync();

var clock = Stopwatch.StartNew();
var crowd = await OpenAsync(options.Circuits);
var openSeconds = clock.Elapsed.TotalSeconds;
await Task.Delay(options.Idle);
var alive = crowd.Circuits.Count(c => c.Error is null);
var after = await memory.MeasureAsync();

new CircuitReport(options.Circuits, crowd, openSeconds, alive, before, after).Print();
await crowd.DisposeAsync();
return crowd.Failures.IsEmpty && alive == options.Circuits ? 0 : 1;

async Task<OpenedCircuits> OpenAsync(int count)
{
    var opened = new OpenedCircuits();
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
        async (_, ct) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                opened.Circuits.Add(await BlazorCircuit.OpenAsync(http, page, ct));
                opened.EstablishMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                opened.Failures.Add(e.Message);
            }
            if (opened.Circuits.Count % 1000 == 0) Console.WriteLine($"  {opened.Circuits.Count} circuits open");
        });
    return opened;
}

static async Task<string> CreateClubPageAsync(Uri instance)
{
    using var api = new WoohakdongApi(instance, 4);
    var president = await api.SignUpAsync("president@circuits.woohakdong.test", "bench-password-1", 0);
    await api.CreateClubAsync(president, "bench-circuits", 30);
    return "/clubs/bench-circuits";
}

/// <summary>The circuits of one run, how long each took to become interactive, and why any failed.</summary>
public sealed class OpenedCircuits : IAsyncDisposable
{
    public ConcurrentBag<BlazorCircuit> Circuits { get; } = [];
    public ConcurrentBag<double> EstablishMs { get; } = [];
    public ConcurrentBag<string> Failures { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(Circuits, new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (c, _) => await c.DisposeAsync());
    }
}
