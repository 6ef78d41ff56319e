using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>The club's items for its members, filtered by category, status and a part of the name.</summary>
public partial class ItemList(
    ItemQueries queries, ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation,
    ISnackbar snackbar, IStringLocalizer<ErrorMessages> errorText)
    : ClubItemsPage(clubs, access, currentUser, navigation)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private IReadOnlyList<ItemSummary> items = [];
    private ItemCategory? category;
    private ItemStatus? status;
    private string? search;
    private string? loadError;

    protected override Task LoadAsync() => ListAsync();

    private async Task ListAsync() =>
        loadError = await refusals.MessageOfAsync(async () => items = await queries.ListAsync(Club!.Id, new ItemQuery(category, status, search)));

    private Task OnCategoryChangedAsync(ItemCategory? value)
    {
        category = value;
        return ListAsync();
    }

    private Task OnStatusChangedAsync(ItemStatus? value)
    {
        status = value;
        return ListAsync();
    }

    private Task OnSearchChangedAsync(string? value)
    {
        search = value;
        return ListAsync();
    }
}
