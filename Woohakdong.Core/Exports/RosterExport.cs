using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Exports;

public sealed record RosterExportRow(
    string Name, string StudentNumber, string Major, string School, string Phone, string Email, string Role,
    DateTimeOffset JoinedAt, string Paid, long? Amount, string Attendance);

/// <summary>
/// The roster (회원명부) the school asks for, for officers: the term's members, of one role if the screen filters so, with
/// 출석률 (<see cref="RosterAttendance"/>) when the club has events that term.
/// </summary>
public sealed class RosterExport : ExportDefinition<RosterExportRow>
{
    public override string Name => "roster";
    public override string Title => "회원명부";

    public override IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new(nameof(RosterExportRow.Name), "이름"),
        new(nameof(RosterExportRow.StudentNumber), "학번"),
        new(nameof(RosterExportRow.Major), "학과"),
        new(nameof(RosterExportRow.School), "학교"),
        new(nameof(RosterExportRow.Phone), "연락처"),
        new(nameof(RosterExportRow.Email), "이메일"),
        new(nameof(RosterExportRow.Role), "역할"),
        new(nameof(RosterExportRow.JoinedAt), "가입일", ExportCell.Date),
        new(nameof(RosterExportRow.Paid), "회비 납부 여부"),
        new(nameof(RosterExportRow.Amount), "금액", ExportCell.Won),
        new(nameof(RosterExportRow.Attendance), "출석률"),
    ];

    public override bool IsAllowed(ClubRole? role) => RolePolicy.CanViewRoster(role);

    public override void Validate(ExportRequest request) => RoleOf(request);

    /// <summary>출석률 only when the club has events that term: an empty column would read as nobody coming.</summary>
    protected override async Task<IReadOnlyList<ExportField<RosterExportRow>>> FieldsAsync(AppDbContext db, ExportRequest request, CancellationToken ct) =>
        await RosterRows.TermEvents(db, request.ClubId, request.TermKey).AnyAsync(ct)
            ? PropertyFields
            : [.. PropertyFields.Where(f => f.Column.Property != nameof(RosterExportRow.Attendance))];

    protected override async IAsyncEnumerable<RosterExportRow> RowsAsync(
        AppDbContext db, ExportRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = RosterRows.Of(db, request.ClubId, request.TermKey, role: RoleOf(request)).AsAsyncEnumerable();
        await foreach (var m in rows.WithCancellation(ct))
            yield return new RosterExportRow(m.Name, m.StudentNumber, m.Major, m.School, m.Phone, m.Email,
                ExportNames.Of(m.Role), m.JoinedAt, m.Paid ? "납부" : "미납", m.PaidAmount, m.Attendance?.ToString() ?? "");
    }

    private static ClubRole? RoleOf(ExportRequest request) => ExportFilters.ParseOrNull<ClubRole>(request.Role, "role", ErrorCodes.RoleInvalid);
}
