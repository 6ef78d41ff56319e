using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Data;
using Woohakdong.Core.Exports;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Exports;

/// <summary>
/// A 10,000-member roster exports with bounded memory: the managed heap is sampled while the file is written and its
/// growth stays far below what holding the rows would take. The numbers measured are in bench/Exports/README.md.
/// </summary>
public sealed class LargeRosterExportTests
{
    private const int Members = 10_000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task A_ten_thousand_member_roster_is_written_without_holding_it(string format)
    {
        await using var harness = await SeatHarness.StartAsync(DatabaseProvider.Sqlite);
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await SeedAsync(harness, club.ClubId);

        var (file, peakGrowth) = await MeasureAsync(() =>
            harness.As<ClubExports, ExportFile>(club.President, exports => exports.WriteAsync(club.ClubId, "roster", format, null, ct: Ct)));

        await using (file.Content)
        {
            var rows = format == "xlsx"
                ? MiniExcel.Query(file.Content, useHeaderRow: true).Count()
                : new StreamReader(file.Content).ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
            Assert.Equal(Members + 1, rows);
            TestContext.Current.AddAttachment(format, $"{file.Content.Length / 1024} KiB written, live managed heap grew at most {peakGrowth / 1024} KiB");
        }
        Assert.True(peakGrowth < 16L * 1024 * 1024, $"the live heap grew by {peakGrowth / 1024} KiB while writing");
    }

    /// <summary>The largest growth of the managed heap over its size before <paramref name="act"/>, live objects only, sampled every few milliseconds.</summary>
    private static async Task<(T Result, long PeakGrowth)> MeasureAsync<T>(Func<Task<T>> act)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A full collection first: what counts is what the export keeps alive, not garbage not yet collected.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
                await Task.Delay(20);
            }
        }, Ct);
        var result = await act();
        await stop.CancelAsync();
        await sampler;
        return (result, peak);
    }

    private static async Task SeedAsync(SeatHarness harness, long clubId)
    {
        var term = Term.Current(harness.Time).Key;
        await using var db = await harness.DbAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var batch = 0; batch < Members / 1000; batch++)
        {
            for (var i = batch * 1000; i < (batch + 1) * 1000; i++)
            {
                var user = new AppUser
                {
                    Id = Guid.NewGuid(), UserName = $"m{i}@roster.kr", Email = $"m{i}@roster.kr", NormalizedEmail = $"M{i}@ROSTER.KR",
                    NormalizedUserName = $"M{i}@ROSTER.KR", DisplayName = $"회원{i:D5}", School = "우학대학교", Major = "사진학과",
                    StudentNumber = $"2026{i:D5}", Phone = "010-0000-0000", SecurityStamp = "s",
                };
                db.Users.Add(user);
                db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = user.Id, TermKey = term, Role = ClubRole.Member });
            }
            await db.SaveChangesAsync(Ct);
            db.ChangeTracker.Clear();
        }
        Assert.Equal(Members + 1, await db.Memberships.CountAsync(m => m.ClubId == clubId, Ct));
    }
}
