using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;

namespace Woohakdong.Web.Endpoints;

public static class MeApi
{
    public sealed record ProfileRequest(string? Name, string? School, string? Major, string? StudentNumber, string? Phone)
    {
        public ProfileInput ToInput() => new(Name ?? "", School ?? "", Major ?? "", StudentNumber ?? "", Phone ?? "");
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
