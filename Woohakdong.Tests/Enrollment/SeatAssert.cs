using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Enrollment;

public static class SeatAssert
{
    public static async Task RefusedAsync(ErrorKind kind, string code, Func<Task> act)
    {
        var error = await Assert.ThrowsAsync<AppException>(act);
        Assert.Equal((kind, code), (error.Kind, error.Code));
    }

    public static Task ConflictAsync(string code, Func<Task> act) => RefusedAsync(ErrorKind.Conflict, code, act);
}
