using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Data;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>
/// Deletes uploads nobody attached: issued uploads older than <see cref="ItemOptions.OrphanAge"/> (and not verified
/// within it) that are neither an item image, a return photo, a notice image nor a ledger receipt, with both their objects (upload and verified copy)
/// and their <see cref="IssuedUpload"/> rows; and objects under <c>clubs/</c> of that age that no row keeps: a key
/// is kept as some row's image key, or as the upload key of a row not verified yet. So a PUT repeated after
/// verification (its upload key) goes too. Safe on several instances at once: each row is claimed by a conditional
/// delete, and only the instance whose delete took the row removes its objects.
/// </summary>
public sealed class OrphanUploadSweep(
    IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage, IOptions<ItemOptions> options, TimeProvider time,
    ILogger<OrphanUploadSweep> logger)
{
    private const string SweptPrefix = "clubs/";
    private const int KeysPerQuery = 500;

    /// <summary>One pass; returns how many objects this pass deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.OrphanAge;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SweepUnattachedUploadsAsync(db, cutoff, ct) + await SweepUnknownObjectsAsync(db, cutoff, ct);
    }

    private async Task<int> SweepUnattachedUploadsAsync(AppDbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var candidates = await Unattached(db, cutoff).Select(u => new { u.Id, u.Key, u.UploadKey }).ToListAsync(ct);
        var deleted = 0;
        foreach (var upload in candidates)
        {
            int claimed;
            try
            {
                claimed = await Unattached(db, cutoff).Where(u => u.Id == upload.Id).ExecuteDeleteAsync(ct);
            }
            catch (DbException error)
            {
                // The item or return that attached it a moment ago holds the row by its foreign key.
                logger.LogDebug(error, "Upload {Key} was attached while being swept; kept", upload.Key);
                continue;
            }
            if (claimed == 0) continue;
            // Should this fail, the objects have no row any more and the next pass's listing removes them.
            await storage.DeleteAsync(upload.UploadKey, ct);
            if (upload.Key != upload.UploadKey) await storage.DeleteAsync(upload.Key, ct);
            deleted++;
        }
        return deleted;
    }

    private async Task<int> SweepUnknownObjectsAsync(AppDbContext db, DateTimeOffset cutoff, CancellationToken ct)
    {
        var stored = await storage.ListAsync(SweptPrefix, cutoff, ct);
        var deleted = 0;
        foreach (var chunk in stored.Select(o => o.Key).Chunk(KeysPerQuery))
        {
            var kept = await db.IssuedUploads.Where(u => chunk.Contains(u.Key)).Select(u => u.Key)
                .Concat(db.IssuedUploads.Where(u => u.VerifiedAt == null && chunk.Contains(u.UploadKey)).Select(u => u.UploadKey))
                .ToListAsync(ct);
            foreach (var key in chunk.Except(kept, StringComparer.Ordinal))
            {
                await storage.DeleteAsync(key, ct);
                deleted++;
            }
        }
        return deleted;
    }

    /// <summary>Old enough, and not verified recently: a verification under way holds its row, and attaches right after.</summary>
    private static IQueryable<IssuedUpload> Unattached(AppDbContext db, DateTimeOffset cutoff) =>
        db.IssuedUploads.Where(u => u.IssuedAt < cutoff
                                    && (u.VerifiedAt == null || u.VerifiedAt < cutoff)
                                    && !db.ItemImages.Any(i => i.Key == u.Key)
                                    && !db.ItemLoans.Any(l => l.ReturnPhotoKey == u.Key)
                                    && !db.NoticeImages.Any(i => i.Key == u.Key)
                                    && !db.LedgerReceipts.Any(r => r.Key == u.Key));
}
