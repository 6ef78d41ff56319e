using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Storage;

/// <summary>
/// Uploads recorded before verified copies existed: an attached one keeps serving from where it was uploaded (its image
/// key is its upload key, and it counts as verified); an unattached one is dropped, so it can never be attached unchecked.
/// </summary>
public abstract class SealedUploadsMigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attached_uploads_keep_their_key_and_unattached_ones_are_dropped()
    {
        await using var core = await CoreHarness.StartAsync(provider);
        var president = await core.AddUserAsync("김회장");
        var clubId = (await core.CreateClubAsync(president.Id, $"mg{Guid.NewGuid():N}"[..12])).Id;
        var (attached, unattached) = ($"clubs/{clubId}/items/2026/11/attached.png", $"clubs/{clubId}/items/2026/11/unattached.png");
        await using (var db = await core.DbAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_SealedUploads", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Ct);
            // A time as each provider stores it (UTC ticks on SQLite).
            object when = db.Database.IsNpgsql() ? DateTimeOffset.UnixEpoch : 0L;
            foreach (var key in new[] { attached, unattached })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "IssuedUploads" ("Key", "ClubId", "UserId", "ContentType", "IssuedAt", "ExpiresAt")
                    VALUES ({key}, {clubId}, {president.Id}, {"image/png"}, {when}, {when})
                    """, Ct);
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Items" ("ClubId", "Name", "Category", "Description", "Location", "MaxLoanDays", "Unavailable", "CreatedAt", "UpdatedAt")
                VALUES ({clubId}, {"삼각대"}, {0}, {""}, {"동아리방"}, {7}, {false}, {when}, {when})
                """, Ct);
            var itemId = await db.Items.Where(i => i.ClubId == clubId).Select(i => i.Id).SingleAsync(Ct);
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ItemImages" ("ItemId", "Key", "Position") VALUES ({itemId}, {attached}, {0})""", Ct);

            await db.Database.MigrateAsync(Ct);
        }

        await using var migrated = await core.DbAsync();
        var rows = await migrated.IssuedUploads.Where(u => u.ClubId == clubId)
            .Select(u => new { u.Key, u.UploadKey, Verified = u.VerifiedAt != null }).ToListAsync(Ct);
        Assert.Equal([new { Key = attached, UploadKey = attached, Verified = true }], rows);
    }
}

public sealed class SqliteSealedUploadsMigrationTests() : SealedUploadsMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresSealedUploadsMigrationTests() : SealedUploadsMigrationTests(DatabaseProvider.Postgres);
