using System.Reflection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Exports;

/// <summary>How a column's values are written: text, won (a number with a ₩ format; a plain number in CSV), a KST date or time.</summary>
public enum ExportCell
{
    Text,
    Won,
    Date,
    DateTime,
}

/// <summary>One column: the row property it shows and its header (Korean, as the school and Excel users expect).</summary>
public sealed record ExportColumn(string Property, string Header, ExportCell Cell = ExportCell.Text);

/// <summary>What the caller asked for, as the screen filters it: a term key (the current one when empty), a status, a role.</summary>
public sealed record ExportRequest(long ClubId, string TermKey, string? Status = null, string? Role = null);

/// <summary>
/// One export (a roster, the payments, the ledger…). A new one is one file: a class deriving from
/// <see cref="ExportDefinition{TRow}"/> in this assembly is found and offered by its <see cref="Name"/>.
/// </summary>
public interface IExportDefinition
{
    /// <summary>Its name in URLs: roster, payments, ledger.</summary>
    string Name { get; }

    /// <summary>The Korean words of its file name (회원명부).</summary>
    string Title { get; }

    bool IsAllowed(ClubRole? role);

    /// <summary>Validates the request's filters before anything is written (a refusal is still a 4xx then).</summary>
    void Validate(ExportRequest request);

    Task WriteAsync(AppDbContext db, ExportRequest request, ExportFormat format, Stream output, CancellationToken ct);
}

public abstract class ExportDefinition<TRow> : IExportDefinition
{
    public abstract string Name { get; }
    public abstract string Title { get; }
    public abstract IReadOnlyList<ExportColumn> Columns { get; }

    public abstract bool IsAllowed(ClubRole? role);

    public virtual void Validate(ExportRequest request)
    {
    }

    /// <summary>The rows, streamed from the database: never all in memory at once.</summary>
    protected abstract IAsyncEnumerable<TRow> RowsAsync(AppDbContext db, ExportRequest request, CancellationToken ct);

    /// <summary>The columns of this request: all of <see cref="Columns"/> unless a definition leaves some out (an empty 출석률).</summary>
    protected virtual Task<IReadOnlyList<ExportColumn>> ColumnsOfAsync(AppDbContext db, ExportRequest request, CancellationToken ct) =>
        Task.FromResult(Columns);

    public async Task WriteAsync(AppDbContext db, ExportRequest request, ExportFormat format, Stream output, CancellationToken ct)
    {
        var columns = await ColumnsOfAsync(db, request, ct);
        await ExportWriter.WriteAsync(output, format, columns, [.. columns.Select(Getter)], RowsAsync(db, request, ct), ct);
    }

    private static Func<TRow, object?> Getter(ExportColumn column)
    {
        var property = typeof(TRow).GetProperty(column.Property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {column.Property}.");
        return row => property.GetValue(row);
    }
}
