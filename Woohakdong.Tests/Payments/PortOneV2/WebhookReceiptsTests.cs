using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>The replay guard's memory: an id is refused while its signature could still be accepted, then forgotten.</summary>
public sealed class WebhookReceiptsTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private SeatHarness harness = null!;

    public async ValueTask InitializeAsync() => harness = await SeatHarness.StartAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    private async Task<T> WithReceiptsAsync<T>(Func<WebhookReceipts, Task<T>> act)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<WebhookReceipts>());
    }

    [Fact]
    public async Task An_id_is_refused_until_its_timestamp_is_past_the_tolerance_and_pruned_then_taken_again()
    {
        var signedAt = harness.Time.GetUtcNow().AddMinutes(3);

        var first = await WithReceiptsAsync(r => r.TryRememberAsync("msg_1", signedAt, Ct));
        var again = await WithReceiptsAsync(r => r.TryRememberAsync("msg_1", signedAt, Ct));
        harness.Time.Advance(TimeSpan.FromMinutes(7));
        var prunedEarly = await WithReceiptsAsync(r => r.PruneAsync(Ct));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var pruned = await WithReceiptsAsync(r => r.PruneAsync(Ct));
        var afterPruning = await WithReceiptsAsync(r => r.TryRememberAsync("msg_1", harness.Time.GetUtcNow(), Ct));

        Assert.Equal((true, false, 0, 1, true), (first, again, prunedEarly, pruned, afterPruning));
    }

    [Fact]
    public async Task A_forgotten_id_is_taken_again_at_once()
    {
        var now = harness.Time.GetUtcNow();
        await WithReceiptsAsync(r => r.TryRememberAsync("msg_2", now, Ct));

        await WithReceiptsAsync(async r => { await r.ForgetAsync("msg_2", Ct); return true; });

        Assert.True(await WithReceiptsAsync(r => r.TryRememberAsync("msg_2", now, Ct)));
        await using var db = await harness.DbAsync();
        Assert.Equal(1, await db.WebhookReceipts.CountAsync(r => r.Id == "msg_2", Ct));
    }
}
