namespace Woohakdong.Web.Components.Pages.Exports;

/// <summary>Marker for the export buttons' texts (ExportText.resx in Korean, ExportText.en.resx in English).</summary>
public sealed class ExportText;
