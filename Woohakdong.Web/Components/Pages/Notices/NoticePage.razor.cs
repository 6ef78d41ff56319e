using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notices;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Notices;

/// <summary>One notice for a member; opening it is reading it.</summary>
public partial class NoticePage(
    ClubQueries clubs, ClubAccess access, ICurrentUser currentUser, NavigationManager navigation, NoticeQueries queries,
    NoticeReads reads, IStringLocalizer<ErrorMessages> errors)
    : GatedClubPage(clubs, access, currentUser, navigation)
{
    private NoticeView? notice;
    private string? error;

    [Parameter] public long NoticeId { get; set; }

    /// <summary>The mark is written before the notice is read, so an officer's own count includes them.</summary>
    protected override async Task LoadAsync()
    {
        try
        {
            await reads.MarkReadAsync(NoticeId);
            notice = await queries.GetAsync(NoticeId);
            // A notice of another club under this club's address is not this club's notice.
            if (notice.ClubId != Club!.Id) (notice, error) = (null, errors[ErrorCodes.NoticeNotFound]);
        }
        catch (AppException refusal)
        {
            (notice, error) = (null, errors[refusal.Code]);
        }
    }
}
