namespace Woohakdong.Web.Components.Shared;

/// <summary>Marker for texts shared across pages (CommonText.resx in Korean, CommonText.en.resx in English).</summary>
public sealed class CommonText;
