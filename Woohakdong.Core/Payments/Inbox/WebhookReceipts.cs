using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// A signed webhook's <c>webhook-id</c>, kept while its signature could still be accepted (its timestamp plus the
/// tolerance), so the same signed request sent again in that time is refused. Its primary key makes the check and the
/// remembering one insert, on every instance at once.
/// </summary>
public sealed class WebhookReceipt
{
    public const int IdMaxLength = 200;

    public string Id { get; set; } = "";
    public DateTimeOffset ForgetAfter { get; set; }
}

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> receipt)
    {
        receipt.Property(r => r.Id).HasMaxLength(WebhookReceipt.IdMaxLength);
        receipt.HasIndex(r => r.ForgetAfter);
    }
}

public sealed class WebhookReceipts(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Standard Webhooks' tolerance, which the verifier applies both ways.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>False when this id was received before (and not forgotten): a replay.</summary>
    public async Task<bool> TryRememberAsync(string webhookId, DateTimeOffset signedAt, CancellationToken ct = default)
    {
        // The verifier accepts the signature until signedAt + tolerance; from now at the latest, for a timestamp already past.
        var now = time.GetUtcNow();
        var forgetAfter = (signedAt > now ? signedAt : now) + Tolerance;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.WebhookReceipts.Add(new WebhookReceipt { Id = webhookId, ForgetAfter = forgetAfter });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>The webhook could not be recorded: PortOne sends it again with the same id, which must then be taken.</summary>
    public async Task ForgetAsync(string webhookId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.WebhookReceipts.Where(r => r.Id == webhookId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Ids whose signatures are refused as stale by now; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookReceipts.Where(r => r.ForgetAfter < now).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Prunes <see cref="WebhookReceipts"/> on every instance, once per tolerance (a delete of what is due).</summary>
public sealed class WebhookReceiptPruner(IServiceScopeFactory scopes, TimeProvider time, ILogger<WebhookReceiptPruner> logger)
    : PeriodicWork(scopes, WebhookReceipts.Tolerance, time, logger)
{
    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<WebhookReceipts>().PruneAsync(ct);
}
