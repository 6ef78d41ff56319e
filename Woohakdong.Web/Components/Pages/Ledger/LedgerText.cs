namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>Marker for the ledger (회계 장부) texts (LedgerText.resx in Korean, LedgerText.en.resx in English).</summary>
public sealed class LedgerText;
