using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Items;

public enum ItemPageState
{
    Loading,
    Denied,
    Ready,
}

/// <summary>
/// The start every item page shares: the club by its English name (unknown → the router's not-found page) and the
/// caller's role in it. Pages only decide what to offer from the role; the services check it again on every call.
/// </summary>
public abstract class ClubItemsPage(ClubQueries clubs, ClubAccess access, NavigationManager navigation) : ComponentBase
{
    [Parameter] public string EnglishName { get; set; } = "";

    protected NavigationManager Navigation => navigation;

    protected ItemPageState State { get; private set; }
    protected ClubView? Club { get; private set; }
    protected ClubRole? Role { get; private set; }
    protected bool IsOfficer => RolePolicy.CanEditClub(Role);
    protected string ItemsPath => ItemPaths.List(EnglishName);

    /// <summary>Who may open the page; members of the club this term unless a page asks more.</summary>
    protected virtual bool Admits(ClubRole? role) => role is not null;

    /// <summary>Loads what the page shows once the caller is admitted.</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        State = ItemPageState.Loading;
        try
        {
            Club = await clubs.GetByEnglishNameAsync(EnglishName);
            Role = await access.RoleAsync(Club.Id);
            if (!Admits(Role))
            {
                State = ItemPageState.Denied;
                return;
            }
            await LoadAsync();
            State = ItemPageState.Ready;
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            (Club, Role) = (null, null);
            // Renders the router's not-found page with a 404 status when prerendering; also for an unknown item.
            navigation.NotFound();
        }
    }
}
