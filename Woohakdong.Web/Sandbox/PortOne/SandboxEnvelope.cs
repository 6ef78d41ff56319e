using System.Globalization;
using System.Text.Json;

namespace Woohakdong.Web.Sandbox.PortOne;

/// <summary>PortOne V1's <c>{code, message, response}</c> envelope, in the status codes PortOne uses.</summary>
public static class SandboxEnvelope
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IResult Ok(object response, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(new { code = 0, message = (string?)null, response }, Json, statusCode: statusCode);

    /// <summary>A business refusal: HTTP 200 with code 1 and PortOne's Korean message.</summary>
    public static IResult Refused(string message) => Results.Json(new { code = 1, message, response = (object?)null }, Json);

    /// <summary>A request the sandbox will not act on at all (HTTP 400).</summary>
    public static IResult Invalid(string message) =>
        Results.Json(new { code = 1, message, response = (object?)null }, Json, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) =>
        Results.Json(new { code = -1, message, response = (object?)null }, Json, statusCode: StatusCodes.Status404NotFound);

    public static IResult Unauthorized() =>
        Results.Json(new { code = -1, message = "Unauthorized", response = (object?)null }, Json, statusCode: StatusCodes.Status401Unauthorized);

    public static IResult From<T>(SandboxResult<T> result) where T : class =>
        result.Value is { } value ? Ok(value) : Refused(result.Error!);
}

/// <summary>The token check PortOne's API makes: the three header forms, 401 when missing, unknown or expired.</summary>
public sealed class SandboxTokenFilter(SandboxStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        var authorization = headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
            : authorization.Length > 0 ? authorization.Trim()
            : headers["X-ImpTokenHeader"].ToString();
        return store.AcceptsToken(token) ? await next(context) : SandboxEnvelope.Unauthorized();
    }
}
