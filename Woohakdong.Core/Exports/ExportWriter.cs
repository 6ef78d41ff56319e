using System.Runtime.CompilerServices;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Woohakdong.Core.Exports;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// Writes rows as they come: an .xlsx through MiniExcel (a header row, won as numbers with a ₩ format, KST dates as
/// dates) or a .csv through CsvHelper (UTF-8 with a BOM, so Excel opens Korean correctly). Neither holds the rows.
/// </summary>
internal static class ExportWriter
{
    /// <summary>Excel's own Korean won format: MiniExcel keeps a number with it a number (a bare ₩ would make it text).</summary>
    public const string WonFormat = "[$₩-412]#,##0";
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public static async Task WriteAsync<TRow>(
        Stream output, ExportFormat format, IReadOnlyList<ExportColumn> columns, IReadOnlyList<Func<TRow, object?>> getters,
        IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        if (format == ExportFormat.Xlsx) await WriteXlsxAsync(output, columns, getters, rows, ct);
        else await WriteCsvAsync(output, columns, getters, rows, ct);
    }

    private static async Task WriteXlsxAsync<TRow>(
        Stream output, IReadOnlyList<ExportColumn> columns, IReadOnlyList<Func<TRow, object?>> getters, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(Key(i))
            {
                Name = c.Header, Index = i, Width = c.Cell == ExportCell.Text ? 18 : 14,
                Format = c.Cell switch { ExportCell.Won => WonFormat, ExportCell.Date => "yyyy-mm-dd", ExportCell.DateTime => "yyyy-mm-dd hh:mm", _ => null },
            })],
        };
        await output.SaveAsAsync(Cells(columns, getters, rows, ct), sheetName: "Sheet1", excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: ct);
    }

    /// <summary>Each row as a dictionary keyed by column position, the shape MiniExcel writes without a type of its own.</summary>
    private static async IAsyncEnumerable<IDictionary<string, object?>> Cells<TRow>(
        IReadOnlyList<ExportColumn> columns, IReadOnlyList<Func<TRow, object?>> getters, IAsyncEnumerable<TRow> rows,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            for (var i = 0; i < columns.Count; i++) cells[Key(i)] = Xlsx(columns[i].Cell, getters[i](row));
            yield return cells;
        }
    }

    private static async Task WriteCsvAsync<TRow>(
        Stream output, IReadOnlyList<ExportColumn> columns, IReadOnlyList<Func<TRow, object?>> getters, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        // A memo starting with = or + would run as a formula in Excel: such text is escaped with a leading quote.
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Header);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++) WriteCsvField(csv, columns[i].Cell, getters[i](row));
            await csv.EndRecordAsync(ct);
        }
    }

    private static string Key(int index) => $"c{index}";

    private static object? Xlsx(ExportCell cell, object? value) => value switch
    {
        DateTimeOffset time => cell == ExportCell.Date ? time.ToOffset(Common.KoreanTime.Offset).Date : time.ToOffset(Common.KoreanTime.Offset).DateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    /// <summary>Numbers as numbers (so a negative amount is not taken for a formula), KST dates as ISO text, the rest as text.</summary>
    private static void WriteCsvField(CsvWriter csv, ExportCell cell, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField("");
                break;
            case long number:
                csv.WriteField(number, default);
                break;
            case int number:
                csv.WriteField(number, default);
                break;
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            case DateTimeOffset time:
                csv.WriteField(time.ToOffset(Common.KoreanTime.Offset).DateTime, cell == ExportCell.Date ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm");
                break;
            default:
                csv.WriteField(value.ToString() ?? "");
                break;
        }
    }
}
