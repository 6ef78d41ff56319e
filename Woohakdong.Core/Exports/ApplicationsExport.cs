using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Exports;

public sealed record ApplicationsExportRow(
    DateTimeOffset SubmittedAt, string Name, string StudentNumber, string Major, string School, string Phone, string Email,
    string Status, string Message, string Memo, IReadOnlyDictionary<long, string> Answers);

/// <summary>
/// The term's applications (지원서) for officers, as the review queue shows them: the applicant's profile, the status,
/// the officers' memo and a column per question of the form, of one status if the screen filters so.
/// </summary>
public sealed class ApplicationsExport : ExportDefinition<ApplicationsExportRow>
{
    // Answers are read per page of applications: one query can stream only one result at a time on a connection.
    private const int PageSize = 500;

    public override string Name => "applications";
    public override string Title => "지원서";

    public override IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new(nameof(ApplicationsExportRow.SubmittedAt), "지원 일시", ExportCell.DateTime),
        new(nameof(ApplicationsExportRow.Name), "이름"),
        new(nameof(ApplicationsExportRow.StudentNumber), "학번"),
        new(nameof(ApplicationsExportRow.Major), "학과"),
        new(nameof(ApplicationsExportRow.School), "학교"),
        new(nameof(ApplicationsExportRow.Phone), "연락처"),
        new(nameof(ApplicationsExportRow.Email), "이메일"),
        new(nameof(ApplicationsExportRow.Status), "상태"),
        new(nameof(ApplicationsExportRow.Message), "안내 메시지"),
        new(nameof(ApplicationsExportRow.Memo), "메모"),
    ];

    public override bool IsAllowed(ClubRole? role) => RolePolicy.CanEditClub(role);

    public override void Validate(ExportRequest request) => StatusOf(request);

    protected override async Task<IReadOnlyList<ExportField<ApplicationsExportRow>>> FieldsAsync(
        AppDbContext db, ExportRequest request, CancellationToken ct)
    {
        var questions = await db.FormQuestions.AsNoTracking()
            .Where(q => db.JoinGroups.Any(g => g.Id == q.GroupId && g.ClubId == request.ClubId && g.TermKey == request.TermKey))
            .OrderBy(q => q.Position).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Title })
            .ToListAsync(ct);
        return [.. PropertyFields, .. questions.Select(q => new ExportField<ApplicationsExportRow>(
            new ExportColumn(nameof(ApplicationsExportRow.Answers), q.Title), row => row.Answers.GetValueOrDefault(q.Id, "")))];
    }

    protected override async IAsyncEnumerable<ApplicationsExportRow> RowsAsync(
        AppDbContext db, ExportRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var status = StatusOf(request);
        var applications = db.Applications.AsNoTracking()
            .Where(a => a.ClubId == request.ClubId && (status == null || a.Status == status)
                && db.JoinGroups.Any(g => g.Id == a.GroupId && g.TermKey == request.TermKey));
        var after = 0L;
        while (true)
        {
            var page = await applications.Where(a => a.Id > after).OrderBy(a => a.Id).Take(PageSize)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new
                {
                    a.Id, a.SubmittedAt, u.DisplayName, u.StudentNumber, u.Major, u.School, u.Phone, u.Email, a.Status, a.Message, a.Memo,
                })
                .ToListAsync(ct);
            if (page.Count == 0) yield break;
            var ids = page.Select(a => a.Id).ToArray();
            var answers = (await db.ApplicationAnswers.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct))
                .ToLookup(a => a.ApplicationId);
            foreach (var a in page)
                yield return new ApplicationsExportRow(a.SubmittedAt, a.DisplayName, a.StudentNumber, a.Major, a.School, a.Phone, a.Email ?? "",
                    ExportNames.Of(a.Status), a.Message ?? "", a.Memo,
                    answers[a.Id].ToDictionary(x => x.QuestionId, x => x.Choices.Count > 0 ? string.Join(", ", x.Choices) : x.Text));
            after = page[^1].Id;
        }
    }

    private static ApplicationStatus? StatusOf(ExportRequest request) =>
        ExportFilters.ParseOrNull<ApplicationStatus>(request.Status, "status", ErrorCodes.ApplicationStatusInvalid);
}
