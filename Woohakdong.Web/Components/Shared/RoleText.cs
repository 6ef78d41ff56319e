namespace Woohakdong.Web.Components.Shared;

/// <summary>Marker for the club role names (RoleText.resx in Korean, RoleText.en.resx in English), keyed by <c>ClubRole</c> name.</summary>
public sealed class RoleText;
