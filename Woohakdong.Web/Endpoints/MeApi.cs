using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;

namespace Woohakdong.Web.Endpoints;

public static class MeApi
{
    /// <summary>Every field is required (<see cref="RequiredFields"/>): "" clears one, a missing one is refused, never reset.</summary>
    public sealed record ProfileRequest(
        [property: Required] string? Name, [property: Required] string? School, [property: Required] string? Major,
        [property: Required] string? StudentNumber, [property: Required] string? Phone)
    {
        public ProfileInput ToInput() => new(Name!, School!, Major!, StudentNumber!, Phone!);
    }

    public static void MapMeApi(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/clubs", MyClubs);
        me.MapGet("/profile", GetProfile);
        me.MapPut("/profile", UpdateProfile);
    }

    private static async Task<Ok<IReadOnlyList<MyClubView>>> MyClubs(ClubQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(ct));

    private static async Task<Ok<ProfileView>> GetProfile(ProfileService profiles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.GetAsync(ct));

    private static async Task<Ok<ProfileView>> UpdateProfile(ProfileRequest request, ProfileService profiles, CancellationToken ct) =>
        TypedResults.Ok(await profiles.UpdateAsync(request.ToInput(), ct));
}
