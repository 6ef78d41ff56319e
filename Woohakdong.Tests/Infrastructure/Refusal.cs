using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Infrastructure;

public static class Refusal
{
    /// <summary>Asserts that <paramref name="act"/> is refused with this kind and code, and returns the refusal.</summary>
    public static async Task<AppException> ThrowsAsync(ErrorKind kind, string code, Func<Task> act)
    {
        var error = await Assert.ThrowsAsync<AppException>(act);
        Assert.Equal((kind, code), (error.Kind, error.Code));
        return error;
    }

    /// <summary>The code each kind of access refusal carries.</summary>
    public static string CodeOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => ErrorCodes.Unauthorized,
        ErrorKind.Forbidden => ErrorCodes.Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
