using System.Text;
using MiniExcelLibs;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Exports;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Exports;

/// <summary>
/// The applications export: the applicant's profile, status and memo, then one column per question of the term's form
/// in the form's order, with choices joined; more applications than one page of answers reads, of one status when filtered.
/// </summary>
public sealed class ApplicationsExportTests
{
    // More than the export's page of 500, so that answers are read across pages.
    private const int Applicants = 1_203;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_application_is_a_row_with_its_answers_under_their_questions(DatabaseProvider provider)
    {
        await using var harness = await SeatHarness.StartAsync(provider);
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await SeedAsync(harness, club);

        var file = await harness.As<ClubExports, ExportFile>(club.President, exports => exports.WriteAsync(club.ClubId, "applications", "xlsx", null, ct: Ct));

        await using (file.Content)
        {
            var header = ((IDictionary<string, object?>)MiniExcel.Query(file.Content, useHeaderRow: false).First()).Values.Select(v => v?.ToString()).ToList();
            Assert.Equal(["지원 일시", "이름", "학번", "학과", "학교", "연락처", "이메일", "상태", "안내 메시지", "메모", "지원 동기", "악기"], header);
            file.Content.Position = 0;
            var rows = MiniExcel.Query(file.Content, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(Applicants, rows.Count);
            Assert.Equal(Enumerable.Range(0, Applicants).Select(i => $"지원자{i:D4}"), rows.Select(r => (string?)r["이름"]));
            Assert.All(rows, r => Assert.Equal($"{r["이름"]}의 동기", r["지원 동기"]));
            Assert.Equal("기타, 피아노", rows[1]["악기"]);
            Assert.Equal("기타", rows[Applicants - 1]["악기"]);
            Assert.Equal(("면접", "금요일 6시 동아리방", "열정적"), ((string?)rows[2]["상태"], (string?)rows[2]["안내 메시지"], (string?)rows[2]["메모"]));
            Assert.IsType<DateTime>(rows[0]["지원 일시"]);
        }
    }

    [Fact]
    public async Task A_status_filter_keeps_only_those_applications_and_the_csv_opens_in_excel()
    {
        await using var harness = await SeatHarness.StartAsync(DatabaseProvider.Sqlite);
        var club = await harness.CreateClubAsync(seatLimit: 50);
        await SeedAsync(harness, club);

        var file = await harness.As<ClubExports, ExportFile>(club.President,
            exports => exports.WriteAsync(club.ClubId, "applications", "csv", null, status: "INTERVIEW", ct: Ct));

        await using (file.Content)
        {
            var bytes = new MemoryStream();
            await file.Content.CopyToAsync(bytes, Ct);
            Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.ToArray()[..3]);
            var lines = Encoding.UTF8.GetString(bytes.ToArray()[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var interviews = Enumerable.Range(0, Applicants).Count(i => i % 3 == 2);
            Assert.Equal(interviews + 1, lines.Length);
            Assert.All(lines[1..], line => Assert.Contains(",면접,금요일 6시 동아리방,열정적,", line));
        }
    }

    [Fact]
    public async Task A_status_the_queue_does_not_know_is_refused_before_anything_is_written()
    {
        await using var harness = await SeatHarness.StartAsync(DatabaseProvider.Sqlite);
        var club = await harness.CreateClubAsync(seatLimit: 50);

        var refusal = await Assert.ThrowsAsync<AppException>(() => harness.As<ClubExports, ExportFile>(club.President,
            exports => exports.WriteAsync(club.ClubId, "applications", "csv", null, status: "ACCEPTED", ct: Ct)));

        Assert.Equal(ErrorCodes.ApplicationStatusInvalid, refusal.Code);
    }

    /// <summary>A form of two questions (the second one stored first) and the applications, every third in interview.</summary>
    private static async Task SeedAsync(SeatHarness harness, OpenClub club)
    {
        var now = harness.Time.GetUtcNow();
        await using var db = await harness.DbAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var instruments = new FormQuestion { GroupId = club.GroupId, Position = 1, Type = QuestionType.MultiChoice, Title = "악기", Options = ["기타", "피아노"] };
        var motive = new FormQuestion { GroupId = club.GroupId, Position = 0, Type = QuestionType.ShortText, Title = "지원 동기", Required = true };
        db.FormQuestions.Add(instruments);
        await db.SaveChangesAsync(Ct);
        db.FormQuestions.Add(motive);
        await db.SaveChangesAsync(Ct);
        for (var i = 0; i < Applicants; i++)
        {
            var user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = $"a{i}@apply.kr", Email = $"a{i}@apply.kr", NormalizedEmail = $"A{i}@APPLY.KR",
                NormalizedUserName = $"A{i}@APPLY.KR", DisplayName = $"지원자{i:D4}", School = "우학대학교", Major = "음악학과",
                StudentNumber = $"2026{i:D4}", Phone = "010-0000-0000", SecurityStamp = "s",
            };
            db.Users.Add(user);
            db.Applications.Add(new JoinApplication
            {
                ClubId = club.ClubId, GroupId = club.GroupId, UserId = user.Id, SubmittedAt = now.AddMinutes(i),
                Status = i % 3 == 2 ? ApplicationStatus.Interview : ApplicationStatus.Submitted,
                Message = i % 3 == 2 ? "금요일 6시 동아리방" : null, Memo = i % 3 == 2 ? "열정적" : "",
                Answers =
                [
                    new ApplicationAnswer { QuestionId = motive.Id, Text = $"지원자{i:D4}의 동기" },
                    new ApplicationAnswer { QuestionId = instruments.Id, Choices = i % 2 == 1 ? ["기타", "피아노"] : ["기타"] },
                ],
            });
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync(Ct);
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync(Ct);
    }
}
