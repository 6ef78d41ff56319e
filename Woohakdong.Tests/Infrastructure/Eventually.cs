namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// Waits for a state another thread or process brings about. The limit is generous on purpose: it only turns a hang
/// into a failure (CI may run on a loaded machine); a test never depends on how fast the state arrives.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not so after {Limit.TotalMinutes:0} min: {what}");
            await Task.Delay(Poll, ct);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, CancellationToken ct) =>
        TrueAsync(() => Task.FromResult(condition()), what, ct);
}
