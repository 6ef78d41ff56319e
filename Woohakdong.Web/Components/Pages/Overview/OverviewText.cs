namespace Woohakdong.Web.Components.Pages.Overview;

/// <summary>Marker for the overview texts (OverviewText.resx in Korean, OverviewText.en.resx in English).</summary>
public sealed class OverviewText;
