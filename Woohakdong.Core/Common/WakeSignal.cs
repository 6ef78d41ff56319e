using System.Threading.Channels;

namespace Woohakdong.Core.Common;

/// <summary>
/// Wakes this instance's worker as soon as work was recorded here; work recorded by other instances is found by the
/// worker's own timeout. Announcements while the worker is busy collapse into one wake-up.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> announcements = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Announce() => announcements.Writer.TryWrite(true);

    /// <summary>Returns when work was announced on this instance, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(timeout);
        try
        {
            await announcements.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
