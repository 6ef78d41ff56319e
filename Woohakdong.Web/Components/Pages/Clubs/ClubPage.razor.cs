using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Components.Pages.Clubs;

public partial class ClubPage(ClubQueries queries, ClubAccess access)
{
    private ClubView? club;
    private bool notFound;
    private ClubRole? role;

    [Parameter] public string EnglishName { get; set; } = "";

    private bool CanManage => RolePolicy.CanEditClub(role);

    protected override Task OnParametersSetAsync() => LoadAsync();

    /// <summary>Also after joining: a member sees the group chat link.</summary>
    private async Task LoadAsync()
    {
        try
        {
            club = await queries.GetByEnglishNameAsync(EnglishName);
            notFound = false;
            role = await access.RoleAsync(club.Id);
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            (club, notFound, role) = (null, true, null);
        }
    }
}
