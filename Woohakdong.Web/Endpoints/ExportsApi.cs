using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Exports;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The club's exports as files (roster, payments, ledger, and any other <see cref="IExportDefinition"/>): under /v1 for
/// clients with a bearer token, and at <c>/exports/clubs/{clubId}/{name}</c> for the dashboard's buttons, signed in by
/// cookie. A plain GET that changes nothing, so a link is enough. The file name is Korean: ASP.NET writes it as
/// <c>filename*=UTF-8''…</c> beside an ASCII <c>filename</c>.
/// </summary>
public static class ExportsApi
{
    public static void MapExportsApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/clubs/{clubId:long}/exports/{name}", Download).WithTags("Exports").RequireAuthorization();

    public static void MapExportDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/exports/clubs/{clubId:long}/{name}", Download).RequireAuthorization().ExcludeFromDescription();

    /// <summary><c>format</c> xlsx (default) or csv; <c>term</c> a key (the current term when empty); <c>status</c> (payments) and <c>role</c> (roster) as the screens filter.</summary>
    private static async Task<FileStreamHttpResult> Download(
        long clubId, string name, string? format, string? term, string? status, string? role, ClubExports exports, CancellationToken ct)
    {
        var file = await exports.WriteAsync(clubId, name, format, term, status, role, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
