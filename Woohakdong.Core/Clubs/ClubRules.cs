using System.Text.RegularExpressions;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Clubs;

public sealed record ClubInput(
    string Name, string EnglishName, string Description, string Room, string ChatLink, long Fee, int SeatLimit);

public sealed record ClubProblem(string Field, string Code);

/// <summary>Validation of a club's profile, shared by the club form, the API and the services.</summary>
public static partial class ClubRules
{
    public const int NameMax = 50;
    public const int EnglishNameMax = 40;
    public const int DescriptionMax = 2000;
    public const int RoomMax = 100;
    public const int ChatLinkMax = 300;
    public const long FeeMax = 10_000_000;
    public const int SeatLimitMax = 10_000;

    /// <summary>
    /// Normalizes the text (<see cref="TextRules"/>), lower-cases the URL name, and returns every problem (a form shows them
    /// all at once).
    /// </summary>
    public static (ClubInput Normalized, IReadOnlyList<ClubProblem> Problems) Check(ClubInput input)
    {
        var problems = new List<ClubProblem>();
        string Text(string? value, TextShape shape, string field)
        {
            if (TextRules.TryNormalize(value, shape, out var normalized)) return normalized;
            problems.Add(new(field, ErrorCodes.TextControlCharacter));
            return value ?? "";
        }
        var normalized = input with
        {
            Name = Text(input.Name, TextShape.SingleLine, "name"),
            EnglishName = Text(input.EnglishName, TextShape.SingleLine, "englishName").ToLowerInvariant(),
            Description = Text(input.Description, TextShape.MultiLine, "description"),
            Room = Text(input.Room, TextShape.SingleLine, "room"),
            ChatLink = Text(input.ChatLink, TextShape.SingleLine, "chatLink"),
        };
        // A field whose text was refused gets no second problem.
        bool Unchecked(string field) => problems.All(p => p.Field != field);
        if (Unchecked("name"))
        {
            if (normalized.Name.Length == 0) problems.Add(new("name", ErrorCodes.NameRequired));
            else if (normalized.Name.Length > NameMax) problems.Add(new("name", ErrorCodes.NameTooLong));
        }
        if (Unchecked("englishName") && !EnglishNamePattern().IsMatch(normalized.EnglishName)) problems.Add(new("englishName", ErrorCodes.EnglishNameInvalid));
        if (Unchecked("description") && normalized.Description.Length > DescriptionMax) problems.Add(new("description", ErrorCodes.DescriptionTooLong));
        if (Unchecked("room") && normalized.Room.Length > RoomMax) problems.Add(new("room", ErrorCodes.RoomTooLong));
        if (Unchecked("chatLink") && normalized.ChatLink.Length > 0 && !IsHttpUrl(normalized.ChatLink)) problems.Add(new("chatLink", ErrorCodes.ChatLinkInvalid));
        if (normalized.Fee < 0) problems.Add(new("fee", ErrorCodes.FeeNegative));
        else if (normalized.Fee > FeeMax) problems.Add(new("fee", ErrorCodes.FeeTooHigh));
        if (normalized.SeatLimit is < 1 or > SeatLimitMax) problems.Add(new("seatLimit", ErrorCodes.SeatLimitInvalid));
        return (normalized, problems);
    }

    /// <summary>Like <see cref="Check"/> but throws the first problem, for services and the API.</summary>
    public static ClubInput Validate(ClubInput input)
    {
        var (normalized, problems) = Check(input);
        if (problems.Count > 0) throw AppException.Validation(problems[0].Code, problems[0].Field);
        return normalized;
    }

    private static bool IsHttpUrl(string value) =>
        value.Length <= ChatLinkMax
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>3–40 characters: lower-case letters, digits and inner hyphens, so it reads well in /clubs/{name}.</summary>
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")]
    private static partial Regex EnglishNamePattern();
}
