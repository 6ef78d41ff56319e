using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>The small JSON API for mobile clients and scripts, under /v1.</summary>
public static partial class V1Api
{
    public static void MapV1Api(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").DisableAntiforgery().RequireFields();
        // Identity's own bearer-token endpoints: POST /v1/auth/register, /v1/auth/login, /v1/auth/refresh, ….
        v1.MapGroup("/auth").WithTags("Auth").AddEndpointFilter(IdentityProblems).AddEndpointFilter<AuthApiGuard>().MapIdentityApi<AppUser>();
        v1.MapClubsApi();
        v1.MapMeApi();
        v1.MapNotificationsApi();
        v1.MapJoiningApi();
        v1.MapOrdersApi();
        v1.MapImagesApi();
        v1.MapItemsApi();
        v1.MapNoticesApi();
        v1.MapRosterApi();
        v1.MapLedgerApi();
        v1.MapExportsApi();
        v1.MapApplicationsApi();
        v1.MapEventsApi();
        v1.MapCalendarApi();
        // Not under /v1, but the machine-facing endpoints are mapped together.
        app.MapPortOneWebhook();
        app.MapPortOneV2Webhook();
        // The dashboard's download links: the same exports, signed in by cookie.
        app.MapExportDownloads();
        app.MapCalendarFeeds();
    }

    /// <summary>
    /// Identity's answers in the shape of every other /v1 problem. A refused sign-up is a ValidationProblem keyed by its
    /// error codes: it gets that <c>code</c> (PasswordTooShort becomes PASSWORD_TOO_SHORT) and its Korean text; any other
    /// problem (a failed sign-in) gets the code of its status and that code's text. Identity throws FormatException on a
    /// malformed user id or token (<c>confirmEmail?userId=x</c>): that is bad input, a 400, not a 500.
    /// </summary>
    private static async ValueTask<object?> IdentityProblems(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var problems = context.HttpContext.RequestServices.GetRequiredService<Problems>();
        object? result;
        try
        {
            result = await next(context);
        }
        catch (FormatException)
        {
            return problems.For(StatusCodes.Status400BadRequest, ErrorCodes.InvalidInput);
        }
        switch ((result as INestedHttpResult)?.Result ?? result)
        {
            case ValidationProblem validation when validation.ProblemDetails.Errors.FirstOrDefault() is { Key: { } code, Value: var descriptions }:
                validation.ProblemDetails.Extensions["code"] = WordBoundary().Replace(code, "_").ToUpperInvariant();
                validation.ProblemDetails.Detail ??= descriptions.FirstOrDefault();
                break;
            case ProblemHttpResult problem when !problem.ProblemDetails.Extensions.ContainsKey("code"):
                var statusCode = Problems.CodeOf(problem.StatusCode);
                problem.ProblemDetails.Extensions["code"] = statusCode;
                problem.ProblemDetails.Detail = problems.Message(statusCode);
                break;
        }
        return result;
    }

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
