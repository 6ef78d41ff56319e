namespace Woohakdong.Web.Components.Pages.Clubs;

/// <summary>Marker for the club pages' texts (ClubText.resx in Korean, ClubText.en.resx in English).</summary>
public sealed class ClubText;
