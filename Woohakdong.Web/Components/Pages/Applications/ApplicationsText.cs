namespace Woohakdong.Web.Components.Pages.Applications;

/// <summary>Marker for the applications texts (ApplicationsText.resx in Korean, ApplicationsText.en.resx in English).</summary>
public sealed class ApplicationsText;
