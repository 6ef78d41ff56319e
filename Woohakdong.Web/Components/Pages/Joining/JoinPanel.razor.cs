using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Components.Pages.Joining;

/// <summary>
/// Joins the caller to the club's current group. The seats-left count follows every seat change of the group on
/// any instance through <see cref="SeatsLeftNotifier"/>, without reloading the page.
/// </summary>
public partial class JoinPanel(
    JoinGroupService groups, SeatService seats, SeatsLeftNotifier notifier, ICurrentUser currentUser,
    IStringLocalizer<ErrorMessages> errorText) : IDisposable
{
    private sealed record Outcome(bool Joined, string? Code);

    private JoinGroupView? view;
    private int seatsLeft;
    private bool joining;
    private Outcome? outcome;
    private IDisposable? watching;
    private long watchedGroupId;
    private long loadedClubId;

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter, EditorRequired] public string EnglishName { get; set; } = "";
    /// <summary>The caller's role in the club this term; null when not a member.</summary>
    [Parameter] public ClubRole? Role { get; set; }
    /// <summary>Raised after a successful join, so the page can show what members see (the group chat link).</summary>
    [Parameter] public EventCallback OnJoined { get; set; }

    private IStringLocalizer<ErrorMessages> ErrorText => errorText;
    private bool SignedIn => currentUser.UserId is not null;
    private string SignInHref => $"/account/login?returnUrl={Uri.EscapeDataString($"/clubs/{EnglishName}")}";
    private bool CanJoin => view is { Recruiting: true } && seatsLeft > 0 && !joining;

    private string StateKey => view switch
    {
        { Recruiting: false } => "Closed",
        _ when seatsLeft == 0 => "Full",
        _ => "Open",
    };

    private Color StateColor => StateKey == "Open" ? Color.Success : Color.Default;

    protected override async Task OnParametersSetAsync()
    {
        // A new role (after joining) changes only the button; the group is the same unless the club is.
        if (view is null || loadedClubId != ClubId) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        view = await groups.GetCurrentAsync(ClubId);
        loadedClubId = ClubId;
        seatsLeft = view.SeatsLeft;
        if (watchedGroupId == view.GroupId) return;
        watching?.Dispose();
        watchedGroupId = view.GroupId;
        watching = notifier.Watch(view.GroupId, SeatsChangedAsync);
        // The group's id is known only after the first read; a seat taken between that read and the watch sent its
        // event to nobody, so read once more now that changes arrive.
        view = await groups.GetCurrentAsync(ClubId);
        seatsLeft = view.SeatsLeft;
    }

    private Task SeatsChangedAsync(int left) => InvokeAsync(() =>
    {
        seatsLeft = left;
        StateHasChanged();
    });

    private async Task JoinAsync()
    {
        joining = true;
        try
        {
            await seats.AdmitFreeAsync(view!.GroupId);
            outcome = new Outcome(true, null);
            await OnJoined.InvokeAsync();
        }
        catch (AppException refusal)
        {
            outcome = new Outcome(false, refusal.Code);
        }
        finally
        {
            joining = false;
        }
        // The refusal or the new member may have changed the group: show its state as the database sees it now.
        await LoadAsync();
    }

    private async Task RefusedAsync(string code)
    {
        outcome = new Outcome(false, code);
        await LoadAsync();
    }

    public void Dispose() => watching?.Dispose();
}
