namespace Woohakdong.Core.Common;

/// <summary>How a refusal should reach the caller: the API maps it to an HTTP status, the UI to a message.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unavailable,
}

/// <summary>
/// A refusal the user can act on. <see cref="Code"/> is stable (API clients switch on it) and is also the
/// key of its Korean/English text in <see cref="ErrorMessages"/>; <see cref="Field"/> names the input at fault.
/// </summary>
public sealed class AppException(ErrorKind kind, string code, string? field = null)
    : Exception($"{kind}: {code}{(field is null ? "" : $" ({field})")}")
{
    public ErrorKind Kind { get; } = kind;
    public string Code { get; } = code;
    public string? Field { get; } = field;
    /// <summary>What else the caller may act on (FULL's <c>waitlist: true</c>), written beside <c>code</c> in the answer.</summary>
    public IReadOnlyDictionary<string, object> Extras { get; private init; } = new Dictionary<string, object>();

    /// <summary>The same refusal, telling the caller one thing more.</summary>
    public AppException With(string key, object value) =>
        new(Kind, Code, Field) { Extras = new Dictionary<string, object>(Extras) { [key] = value } };

    public static AppException Validation(string code, string? field = null) => new(ErrorKind.Validation, code, field);
    public static AppException NotFound(string code) => new(ErrorKind.NotFound, code);
    public static AppException Conflict(string code, string? field = null) => new(ErrorKind.Conflict, code, field);
    public static AppException Forbidden() => new(ErrorKind.Forbidden, ErrorCodes.Forbidden);
    public static AppException Unauthorized() => new(ErrorKind.Unauthorized, ErrorCodes.Unauthorized);
}
