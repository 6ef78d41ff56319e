using Woohakdong.Core.Clubs;

namespace Woohakdong.Web.Components.Pages.Clubs;

/// <summary>The club form's editable values; <see cref="ClubRules"/> judges them through <see cref="ToInput"/>.</summary>
public sealed class ClubFormModel
{
    public string Name { get; set; } = "";
    public string EnglishName { get; set; } = "";
    public string Description { get; set; } = "";
    public string Room { get; set; } = "";
    public string ChatLink { get; set; } = "";
    public long Fee { get; set; }
    public int SeatLimit { get; set; } = 30;

    public static ClubFormModel From(ClubView club) => new()
    {
        Name = club.Name, EnglishName = club.EnglishName, Description = club.Description, Room = club.Room,
        ChatLink = club.ChatLink ?? "", Fee = club.Fee, SeatLimit = club.SeatLimit,
    };

    public ClubInput ToInput() => new(Name, EnglishName, Description, Room, ChatLink, Fee, SeatLimit);
}
