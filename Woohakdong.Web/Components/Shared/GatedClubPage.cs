using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Shared;

/// <summary>Who may open a club's page beyond its public one.</summary>
public enum ClubPageNeed
{
    /// <summary>A member of the club this term (any role).</summary>
    Member,

    /// <summary>임원 and above.</summary>
    Officer,
}

public enum ClubPageState
{
    Loading,
    SignInNeeded,
    Refused,
    Ready,
}

/// <summary>
/// The start every members' or officers' page of a club shares: the club by its English name (unknown → the router's
/// not-found page), then the caller: signed out → sign in and come back; signed in without the role the page needs →
/// refused, told what is needed. <see cref="ClubGate"/> shows those states. Pages only decide what to offer from the
/// role; the services check it again on every call.
/// </summary>
public abstract class GatedClubPage(ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation)
    : ComponentBase
{
    [Parameter] public string EnglishName { get; set; } = "";

    protected NavigationManager Navigation => navigation;

    protected ClubPageState State { get; private set; }
    protected ClubView? Club { get; set; }
    protected ClubRole? Role { get; private set; }
    protected bool IsOfficer => RolePolicy.CanEditClub(Role);
    protected Guid? UserId => currentUser.UserId;

    /// <summary>Members of the club this term unless a page needs more.</summary>
    protected virtual ClubPageNeed Need => ClubPageNeed.Member;

    /// <summary>Loads what the page shows once the caller is admitted.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected override async Task OnParametersSetAsync()
    {
        State = ClubPageState.Loading;
        try
        {
            Club = await clubs.GetByEnglishNameAsync(EnglishName);
            if (UserId is null)
            {
                State = ClubPageState.SignInNeeded;
                return;
            }
            await RefreshRoleAsync();
            if (State == ClubPageState.Refused) return;
            await LoadAsync();
            State = ClubPageState.Ready;
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            (Club, Role) = (null, null);
            // Renders the router's not-found page with a 404 status when prerendering; also for an unknown item.
            navigation.NotFound();
        }
    }

    /// <summary>Reads the club again after it was changed here (its recruitment, say).</summary>
    protected async Task ReloadClubAsync() => Club = await clubs.GetAsync(Club!.Id);

    /// <summary>Reads the caller's role again (after a handover, say); a caller who lost the role is refused from then on.</summary>
    protected async Task RefreshRoleAsync()
    {
        Role = await access.RoleAsync(Club!.Id);
        if (!Admits(Need, Role)) State = ClubPageState.Refused;
    }

    private static bool Admits(ClubPageNeed need, ClubRole? role) => need switch
    {
        ClubPageNeed.Officer => RolePolicy.CanEditClub(role),
        _ => role is not null,
    };
}
