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

/// <summary>A column with the value it shows from a row.</summary>
public sealed record ExportField<TRow>(ExportColumn Column, Func<TRow, object?> Value);

public abstract class ExportDefinition<TRow> : IExportDefinition
{
    public abstract string Name { get; }
    public abstract string Title { get; }

    /// <summary>The columns every file of this export has, in order.</summary>
    public abstract IReadOnlyList<ExportColumn> Columns { get; }

    public abstract bool IsAllowed(ClubRole? role);

    public virtual void Validate(ExportRequest request)
    {
    }

    /// <summary>The rows, streamed from the database: never all in memory at once.</summary>
    protected abstract IAsyncEnumerable<TRow> RowsAsync(AppDbContext db, ExportRequest request, CancellationToken ct);

    /// <summary>
    /// The file's columns: <see cref="Columns"/>, read from the row's properties. An export whose columns depend on the
    /// club's data (one per question of an application form) adds its own.
    /// </summary>
    protected virtual Task<IReadOnlyList<ExportField<TRow>>> FieldsAsync(AppDbContext db, ExportRequest request, CancellationToken ct) =>
        Task.FromResult(PropertyFields);

    public async Task WriteAsync(AppDbContext db, ExportRequest request, ExportFormat format, Stream output, CancellationToken ct)
    {
        var fields = await FieldsAsync(db, request, ct);
        await ExportWriter.WriteAsync(output, format, [.. fields.Select(f => f.Column)], [.. fields.Select(f => f.Value)], RowsAsync(db, request, ct), ct);
    }

    protected IReadOnlyList<ExportField<TRow>> PropertyFields => propertyFields ??= [.. Columns.Select(c => new ExportField<TRow>(c, Getter(c)))];
    private IReadOnlyList<ExportField<TRow>>? propertyFields;

    private static Func<TRow, object?> Getter(ExportColumn column)
    {
        var property = typeof(TRow).GetProperty(column.Property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(TRow).Name} has no property {column.Property}.");
        return row => property.GetValue(row);
    }
}
