using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Woohakdong.Core.Data;

public static class DatabaseMigrator
{
    /// <summary>Any constant shared by every instance: the key of the PostgreSQL advisory lock held while migrating.</summary>
    private const long MigrationLockKey = 0x5745_4844_4D49_47; // "WHDMIG"

    /// <summary>
    /// Applies pending migrations, once, even when several instances start together: on PostgreSQL the database is
    /// created first (a concurrent create is harmless) and the migration runs under an advisory lock, because EF's own
    /// migration lock was seen to let two instances apply the same migration on a fresh database.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
            await MigratePostgresAsync(db, ct);
        else
            await MigrateSqliteAsync(db, ct);
    }

    private static async Task MigrateSqliteAsync(AppDbContext db, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await db.Database.MigrateAsync(ct);
    }

    private static async Task MigratePostgresAsync(AppDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it a moment ago.
            }
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            // Npgsql's history repository reports the history table as existing and lets the first query of a fresh
            // database fail (logged as an error, then caught): create it first, so a clean first start logs no error.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }
}
