using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
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

    public string Message(string code) => messages[code];

    public ProblemHttpResult For(AppException error) => For(StatusOf(error.Kind), error.Code, error.Field);

    public ProblemHttpResult For(int status, string code, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        return TypedResults.Problem(detail: Message(code), statusCode: status, extensions: extensions);
    }
}

/// <summary>Turns an <see cref="AppException"/> thrown by a /v1 endpoint into its problem answer.</summary>
public sealed class AppExceptionHandler(Problems problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            AppException app => app,
            BadHttpRequestException => AppException.Validation(ErrorCodes.InvalidInput),
            _ => null,
        };
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original.
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path;
        if (error is null || !path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase)) return false;
        await problems.For(error).ExecuteAsync(context);
        return true;
    }
}
