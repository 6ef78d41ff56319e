using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Woohakdong.Bench;

/// <summary>What the app process holds at one moment: its GC heap after a full GC, and its working set.</summary>
public sealed record MemorySnapshot(long GcHeapBytes, long WorkingSetBytes, IReadOnlyDictionary<string, TypeTotal> Types);

public sealed record TypeTotal(long Bytes, long Count);

/// <summary>
/// Reads the app's memory from outside: <c>dotnet-gcdump collect</c> forces a full (blocking, compacting) GC and
/// dumps the heap, and its <c>report</c> gives bytes per type. The dump is lossy on large heaps (the runtime before .NET 11
/// drops events), so the heap's size comes from the runtime's own gauge of the last GC (<c>dotnet-counters</c>), and the
/// working set from /proc after both.
/// </summary>
public sealed partial class ServerMemory(int pid, string toolFolder, string workFolder)
{
    private int dumps;

    public async Task<MemorySnapshot> MeasureAsync()
    {
        var file = Path.Combine(workFolder, $"circuits-{pid}-{++dumps}");
        var process = pid.ToString(CultureInfo.InvariantCulture);
        await RunAsync("dotnet-gcdump", "collect", "-p", process, "-o", file + ".gcdump");
        await RunAsync("dotnet-counters", "collect", "-p", process, "--counters", "System.Runtime[dotnet.gc.last_collection.heap.size]",
            "--format", "json", "-o", file + ".json", "--duration", "00:00:00:03");
        var heap = await LastHeapSizeAsync(file + ".json");
        var report = await RunAsync("dotnet-gcdump", "report", file + ".gcdump");
        var types = new Dictionary<string, TypeTotal>();
        foreach (Match row in TypeRow().Matches(report))
        {
            // One row per type and size band (e.g. "(Bytes > 10K)"), giving an object's size and the count; a type's
            // total is the sum over its bands.
            var type = SizeBand().Replace(row.Groups[3].Value, "").Trim();
            var count = ParseLong(row.Groups[2].Value);
            var bytes = ParseLong(row.Groups[1].Value) * count;
            types[type] = types.TryGetValue(type, out var seen) ? new(seen.Bytes + bytes, seen.Count + count) : new(bytes, count);
        }
        return new MemorySnapshot(heap, WorkingSetBytes(), types);
    }

    private long WorkingSetBytes()
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>The gauge's last value per generation (gen0, gen1, gen2, loh, poh), summed.</summary>
    private static async Task<long> LastHeapSizeAsync(string countersFile)
    {
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(countersFile));
        var last = new Dictionary<string, long>();
        foreach (var e in json.RootElement.GetProperty("Events").EnumerateArray())
            last[e.GetProperty("tags").GetString()!] = (long)e.GetProperty("value").GetDouble();
        return last.Count > 0 ? last.Values.Sum() : throw new InvalidOperationException($"{countersFile} has no heap size.");
    }

    private async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(toolFolder, tool), arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {arguments[0]} failed: {await error}");
        return await output;
    }

    private static long ParseLong(string digits) => long.Parse(digits.Replace(",", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeRow();

    [GeneratedRegex(@"\(Bytes > [^)]*\)")]
    private static partial Regex SizeBand();
}
