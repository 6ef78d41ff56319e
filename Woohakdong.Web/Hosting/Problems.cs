using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The one place an <see cref="AppException"/> becomes an HTTP answer: <c>application/problem+json</c> with a
/// stable <c>code</c>, the input <c>field</c> at fault and a Korean <c>detail</c>.
/// </summary>
public sealed class Problems(IStringLocalizer<ErrorMessages> messages)
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>The code of a refusal the framework answers itself (routing, media type, authentication, a rate limit).</summary>
    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.InvalidInput,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.TooManyRequests,
        _ => ErrorCodes.RequestRefused,
    };

    public string Message(string code) => messages[code];

    /// <summary>
    /// Texts in the request's culture: an answer written on the way out of the pipeline (exception handler, status-code
    /// pages) runs outside the localization middleware's async scope, so its culture is set again from the request.
    /// </summary>
    public static void UseCultureOf(HttpContext context) =>
        CultureInfo.CurrentUICulture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? Languages.Korean;

    public ProblemHttpResult For(AppException error) => For(StatusOf(error.Kind), error.Code, error.Field, error.Extras);

    public ProblemHttpResult For(int status, string code, string? field = null, IReadOnlyDictionary<string, object>? extras = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        foreach (var (key, value) in extras ?? new Dictionary<string, object>()) extensions[key] = value;
        return TypedResults.Problem(detail: Message(code), statusCode: status, extensions: extensions);
    }
}

/// <summary>Turns an <see cref="AppException"/> or a malformed request, wherever it is thrown, into its problem answer.</summary>
public sealed class AppExceptionHandler(Problems problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        Problems.UseCultureOf(context);
        var answer = exception switch
        {
            AppException app => problems.For(app),
            // A wrong-typed JSON value ("fee": "x") names its field through the reader's path ($.fee).
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest, InnerException: JsonException { Path: ['$', '.', .. var field] } } =>
                problems.For(StatusCodes.Status400BadRequest, ErrorCodes.InvalidInput, field),
            BadHttpRequestException bad => problems.For(bad.StatusCode, Problems.CodeOf(bad.StatusCode)),
            _ => null,
        };
        // On every path, not only /v1: a form post without its antiforgery token (sign-out from a stale page) or a body
        // the reader refuses is the caller's mistake, and the error page itself could not read such a form.
        if (answer is null) return false;
        await answer.ExecuteAsync(context);
        return true;
    }
}

public static class V1Problems
{
    /// <summary>
    /// Every /v1 refusal answered with an empty body (401 from authentication, 404 from routing, 405, 415, a rate
    /// limiter's 429, Identity's bare 401s) becomes the problem answer with the code of its status. Headers the refusal
    /// set (Retry-After, Allow, WWW-Authenticate) stay. Call before authentication and rate limiting.
    /// </summary>
    public static IApplicationBuilder UseV1Problems(this IApplicationBuilder app) => app.UseWhen(
        context => context.Request.Path.StartsWithSegments("/v1"),
        branch => branch.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            var status = context.Response.StatusCode;
            if (status >= StatusCodes.Status500InternalServerError) return;
            Problems.UseCultureOf(context);
            await context.RequestServices.GetRequiredService<Problems>().For(status, Problems.CodeOf(status)).ExecuteAsync(context);
        }));
}
