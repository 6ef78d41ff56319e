using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>
/// Join groups recorded before seat pools existed: each becomes a pool of the Join kind with its counter, terms and id, and
/// its holds and orders belong to that pool.
/// </summary>
public abstract class SeatPoolsMigrationTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_join_group_becomes_a_join_pool_with_its_holds_and_orders()
    {
        await using var core = await CoreHarness.StartAsync(provider);
        var student = await core.AddUserAsync("김학생");
        var clubId = (await core.CreateClubAsync(student.Id, $"sp{Guid.NewGuid():N}"[..12])).Id;
        long groupId;
        await using (var db = await core.DbAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_SeatPools", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Ct);
            object when = db.Database.IsNpgsql() ? DateTimeOffset.UnixEpoch : 0L;
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "JoinGroups" WHERE "ClubId" = {clubId}""", Ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "JoinGroups" ("ClubId", "TermKey", "Amount", "SeatLimit", "SeatsTaken", "Recruiting", "Policy", "CreatedAt", "UpdatedAt")
                VALUES ({clubId}, {"2026-1"}, {10_000L}, {30}, {1}, {true}, {"FirstCome"}, {when}, {when})
                """, Ct);
            groupId = await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "JoinGroups" WHERE "ClubId" = {clubId}""").SingleAsync(Ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "SeatHolds" ("GroupId", "UserId", "ExpiresAt", "State", "ByApproval", "CreatedAt", "UpdatedAt")
                VALUES ({groupId}, {student.Id}, {when}, {(int)HoldState.Held}, {false}, {when}, {when})
                """, Ct);
            var holdId = await db.Database.SqlQuery<long>($"""SELECT "Id" AS "Value" FROM "SeatHolds" WHERE "GroupId" = {groupId}""").SingleAsync(Ct);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "JoinOrders" ("MerchantUid", "ClubId", "GroupId", "UserId", "Amount", "HoldId", "HoldExpiresAt", "Status", "GatewayVersion", "CreatedAt", "UpdatedAt")
                VALUES ({MerchantUids.New()}, {clubId}, {groupId}, {student.Id}, {10_000L}, {holdId}, {when}, {(int)OrderStatus.Pending}, {(int)GatewayVersion.V1}, {when}, {when})
                """, Ct);

            await db.Database.MigrateAsync(Ct);
        }

        await using var migrated = await core.DbAsync();
        var group = await migrated.JoinGroups.AsNoTracking().SingleAsync(g => g.ClubId == clubId, Ct);
        Assert.Equal((groupId, PoolKind.Join, "2026-1", 10_000L, 30, 1, true, JoinPolicy.FirstCome),
            (group.Id, group.Kind, group.TermKey, group.Amount, group.SeatLimit, group.SeatsTaken, group.Recruiting, group.Policy));
        Assert.Equal(groupId, (await migrated.SeatPools.AsNoTracking().SingleAsync(p => p.ClubId == clubId, Ct)).Id);
        Assert.Equal(groupId, await migrated.SeatHolds.Where(h => h.UserId == student.Id).Select(h => h.PoolId).SingleAsync(Ct));
        Assert.Equal(groupId, await migrated.JoinOrders.Where(o => o.UserId == student.Id).Select(o => o.PoolId).SingleAsync(Ct));
    }
}

public sealed class SqliteSeatPoolsMigrationTests() : SeatPoolsMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresSeatPoolsMigrationTests() : SeatPoolsMigrationTests(DatabaseProvider.Postgres);
