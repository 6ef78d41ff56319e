using System.Globalization;

namespace Woohakdong.Bench;

/// <summary>Command line: <c>--name value</c> pairs, each with a default matching issue 17's circuit target.</summary>
public sealed record CircuitOptions(
    Uri Instance, int ServerPid, string ToolFolder, string WorkFolder, int Circuits, int Concurrency, TimeSpan Idle, string? Page)
{
    public static CircuitOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--")) throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }
        string Require(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new CircuitOptions(
            new Uri(Require("instance")),
            int.Parse(Require("server-pid"), CultureInfo.InvariantCulture),
            Require("tools"),
            Require("work-folder"),
            Int("circuits", 5000),
            Int("concurrency", 20),
            TimeSpan.FromSeconds(Int("idle-seconds", 30)),
            values.GetValueOrDefault("page"));
    }
}
