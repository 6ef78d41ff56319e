namespace Woohakdong.Web.Components.Layout;

/// <summary>Marker for the layout's texts (LayoutText.resx in Korean, LayoutText.en.resx in English).</summary>
public sealed class LayoutText;
