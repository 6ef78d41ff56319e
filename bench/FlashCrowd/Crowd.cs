using System.Diagnostics;

namespace Woohakdong.Bench;

/// <summary>One student's attempt at a seat: first request sent to final answer, BUSY answers retried in between.</summary>
public sealed record Attempt(int Status, string Code, double StartMs, double EndMs, int BusyAnswers)
{
    public double LatencyMs => EndMs - StartMs;
}

/// <summary>Every student asks at the same instant (one gate), student i on instance i mod n.</summary>
public static class Crowd
{
    /// <summary>Bounds a run in which BUSY never clears.</summary>
    private const int MaxBusyRetries = 50;

    public static async Task<(IReadOnlyList<Attempt> Attempts, double ElapsedMs)> RunAsync(
        IReadOnlyList<WoohakdongApi> instances, string seatPath, IReadOnlyList<string> tokens)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var attempts = tokens.Select((token, i) => Task.Run(async () =>
        {
            await gate.Task;
            var api = instances[i % instances.Count];
            var start = clock.Elapsed.TotalMilliseconds;
            var busy = 0;
            while (true)
            {
                var (status, code) = await api.TakeSeatAsync(seatPath, token);
                if (code != "BUSY" || busy == MaxBusyRetries) return new Attempt(status, code, start, clock.Elapsed.TotalMilliseconds, busy);
                busy++;
            }
        })).ToList();
        clock.Start();
        gate.SetResult();
        var results = await Task.WhenAll(attempts);
        return (results, clock.Elapsed.TotalMilliseconds);
    }
}
