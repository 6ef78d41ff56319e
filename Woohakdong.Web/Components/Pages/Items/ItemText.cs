namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>Marker for the item (물품) texts (ItemText.resx in Korean, ItemText.en.resx in English).</summary>
public sealed class ItemText;
