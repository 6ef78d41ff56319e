using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Clubs;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Data;

public abstract class AuditTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task A_new_club_and_its_presidency_are_stamped_with_the_clock_and_the_creator()
    {
        var creator = await Core.AddUserAsync("김회장");
        var createdAt = Core.Clock.GetUtcNow();

        var club = await Core.CreateClubAsync(creator.Id, $"audit-{Guid.NewGuid():N}"[..20]);

        await using var db = await Core.DbAsync();
        var row = await db.Clubs.SingleAsync(c => c.Id == club.Id, Ct);
        Assert.Equal((createdAt, creator.Id, createdAt, creator.Id), (row.CreatedAt, row.CreatedBy, row.UpdatedAt, row.UpdatedBy));
        var presidency = await db.Memberships.SingleAsync(m => m.ClubId == club.Id, Ct);
        Assert.Equal((createdAt, creator.Id), (presidency.CreatedAt, presidency.CreatedBy));
    }

    [Fact]
    public async Task An_edit_by_another_officer_keeps_the_creation_stamp_and_records_the_editor()
    {
        var cast = await Core.SeedClubCastAsync();
        await using var before = await Core.DbAsync();
        var created = await before.Clubs.AsNoTracking().SingleAsync(c => c.Id == cast.ClubId, Ct);
        Core.Clock.Advance(TimeSpan.FromMinutes(90));
        var editedAt = Core.Clock.GetUtcNow();

        Core.ActAs(cast.Officer.UserId);
        await Core.Get<ClubService>().UpdateAsync(cast.ClubId, ClubInputs.Valid("새 이름", created.EnglishName), Ct);

        await using var db = await Core.DbAsync();
        var row = await db.Clubs.SingleAsync(c => c.Id == cast.ClubId, Ct);
        Assert.Equal("새 이름", row.Name);
        Assert.Equal((created.CreatedAt, cast.President.UserId), (row.CreatedAt, row.CreatedBy));
        Assert.Equal((editedAt, cast.Officer.UserId), (row.UpdatedAt, row.UpdatedBy));
        Assert.NotEqual(row.CreatedAt, row.UpdatedAt);
    }
}

public sealed class AuditTestsOnSqlite(SqliteCore core) : AuditTests<SqliteCore>(core);

public sealed class AuditTestsOnPostgres(PostgresCore core) : AuditTests<PostgresCore>(core);
