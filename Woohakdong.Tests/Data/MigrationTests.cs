using Microsoft.EntityFrameworkCore;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Data;

public abstract class MigrationTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task Every_migration_applies_to_a_fresh_database()
    {
        await using var db = await Core.DbAsync();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task The_migrations_describe_the_current_model()
    {
        await using var db = await Core.DbAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration for this provider");
    }
}

public sealed class MigrationTestsOnSqlite(SqliteCore core) : MigrationTests<SqliteCore>(core);

public sealed class MigrationTestsOnPostgres(PostgresCore core) : MigrationTests<PostgresCore>(core);
