namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>The addresses of a club's item pages, the one place their shape is written outside the <c>@page</c> routes.</summary>
public static class ItemPaths
{
    public static string List(string clubEnglishName) => $"/clubs/{clubEnglishName}/items";

    public static string New(string clubEnglishName) => $"{List(clubEnglishName)}/new";

    public static string Item(string clubEnglishName, long itemId) => $"{List(clubEnglishName)}/{itemId}";

    public static string Edit(string clubEnglishName, long itemId) => $"{Item(clubEnglishName, itemId)}/edit";
}
