using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;

namespace Woohakdong.Web.Components.Pages.Clubs;

public partial class ClubList(ClubQueries queries, NavigationManager navigation)
{
    private IReadOnlyList<ClubView>? clubs;
    private string? searchText;

    /// <summary>The search lives in the URL, so a search can be shared and survives a reload.</summary>
    [SupplyParameterFromQuery(Name = "query")] public string? Query { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var query = searchText = Query;
        var found = await queries.SearchAsync(query);
        // A slower answer to an older query must not overwrite a newer one.
        if (query == Query) clubs = found;
    }

    private void OnSearchTyped(string? text)
    {
        searchText = text;
        var query = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("query", query), replace: true);
    }
}
