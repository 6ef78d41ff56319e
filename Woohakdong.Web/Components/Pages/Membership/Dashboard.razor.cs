using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Membership;

public enum DashboardState
{
    Loading,
    Denied,
    Ready,
}

/// <summary>
/// The club's admin dashboard. The caller's role is checked before anything is shown; the services check it
/// again on every action, so this page only decides what to offer, never what is allowed.
/// </summary>
public partial class Dashboard(
    ClubQueries queries, ClubAccess access, NavigationManager navigation, ISnackbar snackbar, IStringLocalizer<MembershipText> text)
{
    private DashboardState state;
    private ClubView? club;
    private ClubRole? role;
    private int activeTab;

    [Parameter] public string EnglishName { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        state = DashboardState.Loading;
        club = null;
        try
        {
            var found = await queries.GetByEnglishNameAsync(EnglishName);
            role = await access.RoleAsync(found.Id);
            if (!RolePolicy.CanEditClub(role))
            {
                state = DashboardState.Denied;
                return;
            }
            club = found;
            state = DashboardState.Ready;
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            // Renders the router's not-found page with a 404 status when prerendering.
            navigation.NotFound();
        }
    }

    private void OnClubSaved(ClubView saved)
    {
        snackbar.Add(text["ClubSaved"], Severity.Success);
        if (saved.EnglishName != club!.EnglishName)
        {
            navigation.NavigateTo($"/clubs/{saved.EnglishName}/admin", replace: true);
            return;
        }
        club = saved;
    }

    private async Task ReloadClubAsync() => club = await queries.GetAsync(club!.Id);

    /// <summary>After a handover the caller is no longer president: the roster must stop offering the president's controls.</summary>
    private async Task RefreshRoleAsync()
    {
        role = await access.RoleAsync(club!.Id);
        if (!RolePolicy.CanEditClub(role)) state = DashboardState.Denied;
    }
}
