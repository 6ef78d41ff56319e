namespace Woohakdong.Web.Components.Pages.Joining;

/// <summary>Marker for the joining texts (JoiningText.resx in Korean, JoiningText.en.resx in English).</summary>
public sealed class JoiningText;
