using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Notices;

/// <summary>What an officer submits to post or edit a notice; <see cref="Notify"/> only counts when posting.</summary>
public sealed record NoticeInput(string Title, string Body, NoticeAudience Audience, bool Pinned, bool Notify = false);

/// <summary>The limits of a notice and who sees what, checked before anything is read from storage or written.</summary>
public static class NoticeRules
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 20_000;
    public const int MaxImages = ImageUploadService.MaxImages;

    /// <summary>Officers and above write, edit, delete notices and see who has read them and how they were edited.</summary>
    public static bool CanWrite(ClubRole? role) => role >= RolePolicy.Admin;

    /// <summary>PUBLIC notices are for everyone; MEMBERS notices for whoever is a member this term, whenever it was posted.</summary>
    public static bool CanRead(NoticeAudience audience, ClubRole? role) => audience == NoticeAudience.Public || role is not null;

    /// <summary>The input with its text normalized (<see cref="TextRules"/>), or a refusal naming the first field at fault.</summary>
    public static NoticeInput Validate(NoticeInput input)
    {
        var normalized = input with
        {
            Title = TextRules.Normalize(input.Title, TextShape.SingleLine, "title"),
            Body = TextRules.Normalize(input.Body, TextShape.MultiLine, "body"),
        };
        if (normalized.Title.Length == 0) throw AppException.Validation(ErrorCodes.NoticeTitleRequired, "title");
        if (normalized.Title.Length > TitleMaxLength) throw AppException.Validation(ErrorCodes.NoticeTitleTooLong, "title");
        if (normalized.Body.Length == 0) throw AppException.Validation(ErrorCodes.NoticeBodyRequired, "body");
        if (normalized.Body.Length > BodyMaxLength) throw AppException.Validation(ErrorCodes.NoticeBodyTooLong, "body");
        if (!Enum.IsDefined(normalized.Audience)) throw AppException.Validation(ErrorCodes.NoticeAudienceInvalid, "audience");
        return normalized;
    }
}
