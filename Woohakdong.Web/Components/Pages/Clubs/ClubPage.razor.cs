using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Clubs;

public partial class ClubPage(ClubQueries queries, ClubAccess access, NavigationManager navigation)
{
    private ClubView? club;
    private bool canManage;

    [Parameter] public string EnglishName { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            club = await queries.GetByEnglishNameAsync(EnglishName);
            canManage = RolePolicy.CanEditClub(await access.RoleAsync(club.Id));
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            (club, canManage) = (null, false);
            // Renders the router's not-found page with a 404 status when prerendering.
            navigation.NotFound();
        }
    }
}
