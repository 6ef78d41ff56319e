using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>The members' read-only ledger (투명 장부), for this term's members when the club opened it; officers always.</summary>
public partial class ClubLedger(
    ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation, LedgerBook ledger)
    : GatedClubPage(clubs, access, currentUser, navigation)
{
    private bool readable;

    protected override async Task LoadAsync() => readable = await ledger.CanReadAsync(Club!.Id);
}
