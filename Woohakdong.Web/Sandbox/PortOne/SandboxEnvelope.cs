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

/// <summary>A PortOne request's parameters, from a JSON object or a form body alike (PortOne accepts both).</summary>
public sealed class SandboxForm(IReadOnlyDictionary<string, string?> values)
{
    public static async Task<SandboxForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return new SandboxForm(form.ToDictionary(field => field.Key, field => (string?)field.Value.ToString()));
        }
        if (request.ContentLength == 0) return new SandboxForm(new Dictionary<string, string?>());
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? new SandboxForm(new Dictionary<string, string?>())
                : new SandboxForm(document.RootElement.EnumerateObject().ToDictionary(
                    property => property.Name,
                    property => property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => property.Value.GetRawText(),
                    }));
        }
        catch (JsonException)
        {
            return new SandboxForm(new Dictionary<string, string?>());
        }
    }

    public string? this[string key] => values.GetValueOrDefault(key) is { Length: > 0 } value ? value : null;

    /// <summary>A won amount; PortOne's numbers may carry a <c>.0</c>.</summary>
    public long? Amount(string key) =>
        decimal.TryParse(this[key], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && decimal.Truncate(value) == value
            ? decimal.ToInt64(value)
            : null;

    public bool Flag(string key) => this[key] is "true" or "True" or "1";
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
