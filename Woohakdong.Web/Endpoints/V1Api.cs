using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Web.Endpoints;

/// <summary>The small JSON API for mobile clients and scripts, under /v1.</summary>
public static partial class V1Api
{
    public static void MapV1Api(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").DisableAntiforgery();
        // Identity's own bearer-token endpoints: POST /v1/auth/register, /v1/auth/login, /v1/auth/refresh, ….
        v1.MapGroup("/auth").WithTags("Auth").AddEndpointFilter(AddErrorCode).AddEndpointFilter<AuthApiGuard>().MapIdentityApi<AppUser>();
        v1.MapClubsApi();
        v1.MapMeApi();
        v1.MapJoiningApi();
        v1.MapOrdersApi();
        v1.MapImagesApi();
        v1.MapItemsApi();
        // Not under /v1, but the machine-facing endpoints are mapped together.
        app.MapPortOneWebhook();
    }

    /// <summary>
    /// Identity answers a refused sign-up with a ValidationProblem keyed by its error codes; give it the <c>code</c> and
    /// the Korean <c>detail</c> every other /v1 problem carries (PasswordTooShort becomes PASSWORD_TOO_SHORT).
    /// </summary>
    private static async ValueTask<object?> AddErrorCode(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var problem = result as ValidationProblem ?? (result as INestedHttpResult)?.Result as ValidationProblem;
        if (problem?.ProblemDetails.Errors.FirstOrDefault() is { Key: { } code, Value: var descriptions })
        {
            problem.ProblemDetails.Extensions["code"] = WordBoundary().Replace(code, "_").ToUpperInvariant();
            problem.ProblemDetails.Detail ??= descriptions.FirstOrDefault();
        }
        return result;
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
