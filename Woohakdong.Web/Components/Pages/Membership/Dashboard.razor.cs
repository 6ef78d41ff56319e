using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Membership;

/// <summary>
/// The club's admin dashboard, for officers. The open tab is in the address (<c>?tab=payments</c>), so a refresh or a
/// shared link opens the same tab.
/// </summary>
public partial class Dashboard(
    ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation, ISnackbar snackbar,
    IStringLocalizer<MembershipText> text)
    : GatedClubPage(clubs, access, currentUser, navigation)
{
    /// <summary>The tabs' names in the address, in the order the tabs are shown.</summary>
    public static readonly string[] TabNames = ["overview", "info", "roster", "recruitment", "payments", "ledger", "loans", "notices", "events", "applications"];

    private int activeTab;

    [SupplyParameterFromQuery(Name = "tab")] public string? Tab { get; set; }

    protected override ClubPageNeed Need => ClubPageNeed.Officer;

    protected override async Task OnParametersSetAsync()
    {
        activeTab = Math.Max(0, Array.IndexOf(TabNames, Tab));
        // Only the tab changed (the address follows the tabs): the club and the open tabs stay as they are.
        if (State == ClubPageState.Ready && Club?.EnglishName == EnglishName) return;
        await base.OnParametersSetAsync();
    }

    private void OnTabChanged(int index)
    {
        activeTab = index;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", index == 0 ? null : TabNames[index]), replace: true);
    }

    private void OnClubSaved(ClubView saved)
    {
        snackbar.ShowSaved(text["ClubSaved"]);
        if (saved.EnglishName != Club!.EnglishName)
        {
            Navigation.NavigateTo($"/clubs/{saved.EnglishName}/admin?tab=info", replace: true);
            return;
        }
        Club = saved;
    }
}
