using System.Collections.Concurrent;

namespace Woohakdong.Core.Common;

/// <summary>
/// Requests that arrive while one batch of them is being handled are handled together by the next. The first request
/// to find nobody draining starts a drain off its caller's task (the first of a crowd must not wait for everyone
/// behind it); the drain calls the owner's step while requests wait, and the step takes its batch (<see cref="Take"/>)
/// when it is ready for one, so everyone who arrived meanwhile is in it. Nothing waits on purpose: a lone request is
/// handled at once, and batches only form under load. Used where one round trip can answer many callers (seats of a
/// pool, users' security stamps).
/// </summary>
/// <param name="step">
/// Handles one batch: takes it and completes every request it took, and does not throw (a step that throws ends the
/// drain; the next request starts another).
/// </param>
public sealed class DrainQueue<T>(Func<DrainQueue<T>, Task> step)
{
    private readonly ConcurrentQueue<T> waiting = new();
    // 1 while a drain runs.
    private int draining;

    /// <summary>How many requests wait (not yet taken into a batch).</summary>
    public int Count => waiting.Count;

    public void Enqueue(T request)
    {
        waiting.Enqueue(request);
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0) _ = Task.Run(DrainAsync);
    }

    /// <summary>Up to <paramref name="most"/> waiting requests, first come first.</summary>
    public List<T> Take(int most)
    {
        var batch = new List<T>(Math.Min(most, waiting.Count));
        while (batch.Count < most && waiting.TryDequeue(out var request)) batch.Add(request);
        return batch;
    }

    private async Task DrainAsync()
    {
        do
        {
            try
            {
                while (!waiting.IsEmpty) await step(this);
            }
            finally
            {
                Volatile.Write(ref draining, 0);
            }
            // A request queued after the last look but before letting go found a drain running: look again.
        } while (!waiting.IsEmpty && Interlocked.CompareExchange(ref draining, 1, 0) == 0);
    }
}
