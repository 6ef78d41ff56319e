using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Exports;

/// <param name="Amount">Signed: an expense, a refund or a reversal of income is negative, so the column sums to the term's change.</param>
public sealed record LedgerExportRow(
    long EntryId, DateOnly Date, string Kind, string Category, long Amount, string Memo, string Source, long? Reverses,
    string RecordedBy, DateTimeOffset RecordedAt, int Receipts);

/// <summary>A term of the ledger for 총무 and above (also when members may read it: the file leaves the app).</summary>
public sealed class LedgerExport : ExportDefinition<LedgerExportRow>
{
    public override string Name => "ledger";
    public override string Title => "회계 장부";

    public override IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new(nameof(LedgerExportRow.EntryId), "번호"),
        new(nameof(LedgerExportRow.Date), "날짜", ExportCell.Date),
        new(nameof(LedgerExportRow.Kind), "구분"),
        new(nameof(LedgerExportRow.Category), "항목"),
        new(nameof(LedgerExportRow.Amount), "금액", ExportCell.Won),
        new(nameof(LedgerExportRow.Memo), "메모"),
        new(nameof(LedgerExportRow.Source), "출처"),
        new(nameof(LedgerExportRow.Reverses), "취소한 항목"),
        new(nameof(LedgerExportRow.RecordedBy), "기록자"),
        new(nameof(LedgerExportRow.RecordedAt), "기록 일시", ExportCell.DateTime),
        new(nameof(LedgerExportRow.Receipts), "영수증"),
    ];

    public override bool IsAllowed(ClubRole? role) => LedgerRules.CanWrite(role);

    protected override async IAsyncEnumerable<LedgerExportRow> RowsAsync(
        AppDbContext db, ExportRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.LedgerEntries.AsNoTracking()
            .Where(e => e.ClubId == request.ClubId && e.TermKey == request.TermKey)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Date, e.Kind, e.Category, e.Amount, e.Memo, e.Source, e.ReversesId, e.RecordedAt, Receipts = e.Receipts.Count,
                By = db.Users.Where(u => u.Id == e.RecordedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
            yield return new LedgerExportRow(e.Id, e.Date, ExportNames.Of(e.Kind), ExportNames.Of(e.Category),
                e.Kind == LedgerKind.Income ? e.Amount : -e.Amount, e.Memo, ExportNames.Of(e.Source), e.ReversesId, e.By ?? "", e.RecordedAt, e.Receipts);
    }
}
