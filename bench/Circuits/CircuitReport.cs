namespace Woohakdong.Bench;

/// <summary>Prints one run: how circuits opened, what the app holds per circuit, and which types grew.</summary>
public sealed class CircuitReport(
    int requested, OpenedCircuits crowd, double openSeconds, int alive, MemorySnapshot before, MemorySnapshot after)
{
    private const double MiB = 1024 * 1024;

    public void Print()
    {
        var opened = crowd.Circuits.Count;
        var times = crowd.EstablishMs.Order().ToArray();
        Console.WriteLine($"circuits: {opened}/{requested} opened in {openSeconds:F1} s ({opened / openSeconds:F0}/s), {crowd.Failures.Count} failed, {alive} alive after the idle time");
        foreach (var (reason, count) in crowd.Failures.GroupBy(f => f).Select(g => (g.Key, g.Count())).Take(5))
            Console.WriteLine($"  failed x{count}: {reason}");
        if (times.Length > 0)
            Console.WriteLine($"time to interactive (GET page + connect + start + first render): p50 {Percentile(times, 50):F0} ms, p99 {Percentile(times, 99):F0} ms, max {times[^1]:F0} ms");
        if (opened == 0) return;
        Console.WriteLine($"GC heap after a full GC: {before.GcHeapBytes / MiB:F1} MiB before, {after.GcHeapBytes / MiB:F1} MiB with the circuits: {(after.GcHeapBytes - before.GcHeapBytes) / 1024.0 / opened:F0} KiB per circuit");
        Console.WriteLine($"working set: {before.WorkingSetBytes / MiB:F0} MiB before, {after.WorkingSetBytes / MiB:F0} MiB with the circuits: {(after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / opened:F0} KiB per circuit");
        var grown = after.Types
            .Select(t => (Type: t.Key, Bytes: t.Value.Bytes - before.Types.GetValueOrDefault(t.Key, new TypeTotal(0, 0)).Bytes,
                Count: t.Value.Count - before.Types.GetValueOrDefault(t.Key, new TypeTotal(0, 0)).Count))
            .ToList();
        // The dump behind these tables drops objects on large heaps (lossy event buffering before .NET 11); the heap size
        // above comes from the runtime's gauge and is exact.
        Console.WriteLine("what the heap gained, per circuit, by the assembly that defines the type (from the heap dump: complete up to about 1,000 circuits, short beyond):");
        foreach (var (assembly, bytes) in grown.GroupBy(t => Assembly(t.Type)).Select(g => (g.Key, g.Sum(t => t.Bytes)))
                     .OrderByDescending(g => g.Item2).Take(10))
            Console.WriteLine($"  {bytes / 1024.0 / opened,8:F1} KiB  {assembly}");
        Console.WriteLine("and by type (top 25):");
        foreach (var (type, bytes, count) in grown.OrderByDescending(t => t.Bytes).Take(25))
            Console.WriteLine($"  {bytes / 1024.0 / opened,8:F1} KiB {count / (double)opened,8:F1} objects  {type}");
    }

    // gcdump names a type "Name  [Assembly.dll]".
    private static string Assembly(string type) => type.LastIndexOf('[') is var at and >= 0 ? type[(at + 1)..].TrimEnd(']') : "?";

    private static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
