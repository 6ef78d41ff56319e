using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Web.Endpoints;

/// <summary>The small JSON API for mobile clients and scripts, under /v1.</summary>
public static class V1Api
{
    public static void MapV1Api(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").DisableAntiforgery();
        // Identity's own bearer-token endpoints: POST /v1/auth/register, /v1/auth/login, /v1/auth/refresh, ….
        v1.MapGroup("/auth").WithTags("Auth").MapIdentityApi<AppUser>();
        v1.MapClubsApi();
        v1.MapMeApi();
        v1.MapJoiningApi();
    }
}
