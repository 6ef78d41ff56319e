namespace Woohakdong.Web.Components.Pages.Membership;

/// <summary>Marker for the dashboard and roster texts (MembershipText.resx in Korean, MembershipText.en.resx in English).</summary>
public sealed class MembershipText;
