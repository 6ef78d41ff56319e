using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Exports;

/// <summary>A written export: a temporary file read from its start (deleted when closed), its name and content type.</summary>
public sealed record ExportFile(Stream Content, string FileName, string ContentType);

/// <summary>
/// Writes one of the club's exports for a caller its definition allows, of a term the club has had. Rows go from the
/// database to a temporary file as they are read, so a 10,000-member roster never sits in memory; the file is then
/// streamed to the caller.
/// </summary>
public sealed class ClubExports(
    IDbContextFactory<AppDbContext> dbFactory, ClubAccess access, IEnumerable<IExportDefinition> definitions, TimeProvider time)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public IReadOnlyList<string> Names => [.. definitions.Select(d => d.Name)];

    public async Task<ExportFile> WriteAsync(
        long clubId, string name, string? format, string? termKey, string? status = null, string? role = null, CancellationToken ct = default)
    {
        var definition = definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw AppException.NotFound(ErrorCodes.ExportNotFound);
        var kind = format?.ToLowerInvariant() switch
        {
            null or "" or "xlsx" => ExportFormat.Xlsx,
            "csv" => ExportFormat.Csv,
            _ => throw AppException.Validation(ErrorCodes.ExportFormatInvalid, "format"),
        };
        await access.RequireAsync(clubId, definition.IsAllowed, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var term = await ClubTerms.RequireAsync(db, clubId, termKey, time, ct);
        var request = new ExportRequest(clubId, term.Key, status, role);
        definition.Validate(request);
        var clubName = await db.Clubs.Where(c => c.Id == clubId).Select(c => c.Name).SingleAsync(ct);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await definition.WriteAsync(db, request, kind, file, ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        var extension = kind == ExportFormat.Xlsx ? "xlsx" : "csv";
        return new ExportFile(file, ExportFileNames.Of($"{clubName}_{definition.Title}_{term.Key}", extension), kind == ExportFormat.Xlsx ? XlsxType : CsvType);
    }
}
