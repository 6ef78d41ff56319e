namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>Where a club's ledger lives for members (the dashboard's tab is <c>?tab=ledger</c>).</summary>
public static class LedgerPaths
{
    public static string Members(string englishName) => $"/clubs/{englishName}/ledger";
}
