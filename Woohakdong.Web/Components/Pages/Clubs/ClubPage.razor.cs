using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Clubs;

public partial class ClubPage(ClubQueries queries, ClubAccess access, LedgerBook ledger, NavigationManager navigation)
{
    private ClubView? club;
    private ClubRole? role;
    private bool ledgerReadable;

    [Parameter] public string EnglishName { get; set; } = "";

    private bool CanManage => RolePolicy.CanEditClub(role);

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>Also after joining: a member sees the group chat link.</summary>
    private async Task LoadAsync()
    {
        try
        {
            club = await queries.GetByEnglishNameAsync(EnglishName);
            role = await access.RoleAsync(club.Id);
            ledgerReadable = role is not null && await ledger.CanReadAsync(club.Id);
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            (club, role) = (null, null);
            // Renders the router's not-found page with a 404 status when prerendering.
            navigation.NotFound();
        }
    }
}
