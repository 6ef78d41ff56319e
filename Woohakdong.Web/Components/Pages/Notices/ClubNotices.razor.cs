using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Notices;

/// <summary>A member's list of the club's notices, pinned first, with the ones not read yet marked.</summary>
public partial class ClubNotices(
    ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation, NoticeQueries queries)
    : GatedClubPage(clubs, access, currentUser, navigation)
{
    private IReadOnlyList<NoticeView> notices = [];

    protected override async Task LoadAsync() => notices = await queries.ListAsync(Club!.Id);
}
