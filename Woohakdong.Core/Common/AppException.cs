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

    public static AppException Validation(string code, string? field = null) => new(ErrorKind.Validation, code, field);
    public static AppException NotFound(string code) => new(ErrorKind.NotFound, code);
    public static AppException Conflict(string code, string? field = null) => new(ErrorKind.Conflict, code, field);
    public static AppException Forbidden() => new(ErrorKind.Forbidden, ErrorCodes.Forbidden);
    public static AppException Unauthorized() => new(ErrorKind.Unauthorized, ErrorCodes.Unauthorized);
}
