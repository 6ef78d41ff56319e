namespace Woohakdong.Core.Common;

/// <summary>Who is acting: set per HTTP request or per Blazor circuit by the web host.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
}

public static class CurrentUserExtensions
{
    public static Guid RequireUserId(this ICurrentUser user) => user.UserId ?? throw AppException.Unauthorized();
}
