using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;

namespace Woohakdong.Web.Components.Pages.Events;

/// <summary>
/// What a ticket's QR code opens: an officer of the event's club sees who it is for and confirms with one button; anyone
/// else, or a forged, altered, cancelled or foreign ticket, sees why not (the same refusals as <c>POST …/checkins</c>).
/// </summary>
public partial class CheckInPage(CheckIns checkIns, IStringLocalizer<EventText> text, IStringLocalizer<ErrorMessages> errors)
{
    private TicketHolder? holder;
    private string? refusal;
    private bool busy;
    private bool justCheckedIn;

    [Parameter] public long EventId { get; set; }
    [Parameter] public string Ticket { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            holder = await checkIns.ReadAsync(EventId, Ticket);
        }
        catch (AppException error)
        {
            refusal = RefusalOf(error);
        }
    }

    private string RefusalOf(AppException error) => error.Code == ErrorCodes.Forbidden ? text["CheckInForbidden"] : errors[error.Code];

    private async Task ConfirmAsync()
    {
        busy = true;
        try
        {
            var done = await checkIns.CheckInTicketAsync(EventId, Ticket);
            holder = holder! with { CheckedInAt = done.CheckedInAt };
            justCheckedIn = true;
        }
        catch (AppException error) when (error.Code == ErrorCodes.AlreadyCheckedIn)
        {
            // The other officer's scan won a moment ago: show when.
            holder = await checkIns.ReadAsync(EventId, Ticket);
        }
        catch (AppException error)
        {
            refusal = RefusalOf(error);
        }
        busy = false;
    }
}
