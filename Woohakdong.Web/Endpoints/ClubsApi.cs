using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Clubs;

namespace Woohakdong.Web.Endpoints;

public static class ClubsApi
{
    /// <summary>Every field is required, on POST and PUT alike (<see cref="RequiredFields"/>): "" clears a text, nothing resets.</summary>
    public sealed record ClubRequest(
        [property: Required] string? Name, [property: Required] string? EnglishName, [property: Required] string? Description,
        [property: Required] string? Room, [property: Required] string? ChatLink, [property: Required] long? Fee,
        [property: Required] int? SeatLimit)
    {
        public ClubInput ToInput() => new(Name!, EnglishName!, Description!, Room!, ChatLink!, Fee!.Value, SeatLimit!.Value);
    }

    public static void MapClubsApi(this RouteGroupBuilder v1)
    {
        var clubs = v1.MapGroup("/clubs").WithTags("Clubs");
        clubs.MapGet("/", Search);
        clubs.MapGet("/{clubId:long}", Get);
        clubs.MapPost("/", Create).RequireAuthorization();
        clubs.MapPut("/{clubId:long}", Update).RequireAuthorization();
    }

    private static async Task<Ok<IReadOnlyList<ClubView>>> Search(string? query, ClubQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SearchAsync(query, ct));

    private static async Task<Ok<ClubView>> Get(long clubId, ClubQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(clubId, ct));

    private static async Task<Created<ClubView>> Create(ClubRequest request, ClubService clubs, CancellationToken ct)
    {
        var club = await clubs.CreateAsync(request.ToInput(), ct);
        return TypedResults.Created($"/v1/clubs/{club.Id}", club);
    }

    private static async Task<Ok<ClubView>> Update(long clubId, ClubRequest request, ClubService clubs, CancellationToken ct) =>
        TypedResults.Ok(await clubs.UpdateAsync(clubId, request.ToInput(), ct));
}
