using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;
using Woohakdong.Web.Components.Shared;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Components.Pages.Joining;

/// <summary>
/// Recruitment terms of the club's current group (임원 and above; the service checks the role again on save).
/// A limit below the seats already taken is refused by the service, whose Korean text is shown as is.
/// </summary>
public partial class RecruitmentSettings(
    JoinGroupService groups, SeatsLeftNotifier notifier, ISnackbar snackbar, IStringLocalizer<JoiningText> text,
    IStringLocalizer<ErrorMessages> errorText) : IDisposable
{
    private JoinGroupView? view;
    private bool recruiting;
    private long amount;
    private int seatLimit;
    private int seatsLeft;
    private string? error;
    private bool saving;
    private IDisposable? watching;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    /// <summary>The fee and limit are also the club's profile values: the dashboard reloads the club after a save.</summary>
    [Parameter] public EventCallback OnSaved { get; set; }

    /// <summary>Against the saved limit, not the one being typed.</summary>
    private int SeatsTaken => view!.SeatLimit - seatsLeft;

    protected override async Task OnInitializedAsync()
    {
        Show(await groups.GetCurrentAsync(ClubId));
        watching = notifier.Watch(view!.GroupId, left => InvokeAsync(() =>
        {
            seatsLeft = left;
            StateHasChanged();
        }));
        // A seat taken between the first read and the watch sent its event to nobody: read once more.
        Show(await groups.GetCurrentAsync(ClubId));
    }

    private void Show(JoinGroupView current)
    {
        view = current;
        (recruiting, amount, seatLimit, seatsLeft) = (current.Recruiting, current.GroupAmount, current.SeatLimit, current.SeatsLeft);
    }

    private async Task SaveAsync()
    {
        snackbar.ClearSaved();
        error = null;
        saving = true;
        try
        {
            Show(await groups.UpdateAsync(view!.GroupId, recruiting, seatLimit, amount));
            snackbar.ShowSaved(text["RecruitmentSaved"]);
            await OnSaved.InvokeAsync();
        }
        catch (AppException refusal)
        {
            error = errorText[refusal.Code];
        }
        finally
        {
            saving = false;
        }
    }

    public void Dispose() => watching?.Dispose();
}
