using System.Threading.Channels;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>Wakes this instance's <see cref="WebhookNoticeWorker"/> as soon as a webhook was recorded here.</summary>
public sealed class WebhookArrivals
{
    private readonly Channel<bool> arrivals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Announce() => arrivals.Writer.TryWrite(true);

    /// <summary>Returns when a notice was recorded on this instance, or after <paramref name="timeout"/> (others' notices).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(timeout);
        try
        {
            await arrivals.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
