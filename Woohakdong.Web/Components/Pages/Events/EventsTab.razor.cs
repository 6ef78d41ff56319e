using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Events;

public partial class EventsTab(
    EventService eventService, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<EventText> text, IStringLocalizer<ErrorMessages> errors)
{
    private readonly Refusals refusals = new(snackbar, errors);
    private IReadOnlyList<EventView> events = [];
    private string? loadError;
    private bool loading;
    private long? open;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        loading = true;
        // Newest first: the next event and the ones just past are what an officer looks for.
        loadError = await refusals.MessageOfAsync(async () => events = [.. (await eventService.ListAsync(ClubId, null, null)).Reverse()]);
        loading = false;
    }

    private void Toggle(long eventId) => open = open == eventId ? null : eventId;

    private async Task EditAsync(EventView? clubEvent)
    {
        var parameters = new DialogParameters<EventDialog> { { d => d.ClubId, ClubId }, { d => d.Event, clubEvent } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await dialogs.ShowAsync<EventDialog>(clubEvent is null ? text["NewEvent"] : text["EditEvent"], parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            snackbar.Add(text["Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task PublishAsync(EventView clubEvent)
    {
        if (await refusals.OrSnackbarAsync(() => eventService.PublishAsync(clubEvent.EventId))) snackbar.Add(text["Published"], Severity.Success);
        await LoadAsync();
    }

    private async Task CancelAsync(EventView clubEvent)
    {
        if (!await dialogs.ConfirmAsync(text["CancelEvent"], text["CancelEventConfirm", clubEvent.Title], text["CancelEvent"], Color.Error)) return;
        if (await refusals.OrSnackbarAsync(() => eventService.CancelAsync(clubEvent.EventId))) snackbar.Add(text["EventCancelled"], Severity.Success);
        await LoadAsync();
    }

    private static Color StatusColor(EventStatus status) => status switch
    {
        EventStatus.Published => Color.Success,
        EventStatus.Cancelled => Color.Error,
        _ => Color.Default,
    };
}
