using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>An item page: a gated club page that knows where the club's item list is.</summary>
public abstract class ClubItemsPage(ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation)
    : GatedClubPage(clubs, access, currentUser, navigation)
{
    protected string ItemsPath => ItemPaths.List(EnglishName);
}
