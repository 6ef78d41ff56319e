using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Common;

public sealed class DrainQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lone_request_is_handled_at_once_and_those_arriving_meanwhile_come_together_in_the_next_batch()
    {
        var batches = new List<List<int>>();
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new DrainQueue<int>(async q =>
        {
            var batch = q.Take(3);
            lock (batches) batches.Add(batch);
            if (batch.Contains(0))
            {
                firstRunning.SetResult();
                await releaseFirst.Task;
            }
            if (batch.Contains(6)) handled.SetResult();
        });

        queue.Enqueue(0);
        await firstRunning.Task.WaitAsync(Ct);
        for (var i = 1; i <= 6; i++) queue.Enqueue(i);
        Assert.Equal(6, queue.Count);
        releaseFirst.SetResult();
        await handled.Task.WaitAsync(Ct);

        // First come, first served, at most three a batch: [0] alone, then what waited behind it.
        Assert.Equal([[0], [1, 2, 3], [4, 5, 6]], batches);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task Requests_from_many_threads_at_once_are_each_handled_exactly_once_and_none_is_left_waiting()
    {
        var handled = new int[8 * 1_000];
        var count = 0;
        var queue = new DrainQueue<int>(async q =>
        {
            foreach (var request in q.Take(50))
            {
                Interlocked.Increment(ref handled[request]);
                Interlocked.Increment(ref count);
            }
            // Let the enqueuers race the drain's letting go, where a request could be left behind.
            await Task.Yield();
        });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 1_000; i++) queue.Enqueue(thread * 1_000 + i);
        }, Ct)));

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref count) == handled.Length), "every request handled", Ct);
        Assert.All(handled, times => Assert.Equal(1, times));
        Assert.Equal(0, queue.Count);
    }
}
