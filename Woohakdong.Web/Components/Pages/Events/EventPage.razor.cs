using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Joining;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Events;

/// <summary>One event as students see it, with signing up (free at once, paid through <see cref="Payments.PayButton"/>) and cancelling.</summary>
public partial class EventPage(
    EventService events, EventSignups signups, ICurrentUser currentUser, IDialogService dialogs,
    TimeProvider time, IStringLocalizer<EventText> text, IStringLocalizer<ErrorMessages> errors)
{
    private EventView? view;
    private MySignup? mine;
    private string? loadError;
    private string? error;
    private bool busy;

    [Parameter] public long EventId { get; set; }

    private bool Open => view is not null && EventRules.IsOpen(view, time.GetUtcNow());

    private string LoginHref => $"/account/login?returnUrl={Uri.EscapeDataString($"/events/{EventId}")}";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            view = await events.GetAsync(EventId);
            await LoadMineAsync();
        }
        catch (AppException refusal)
        {
            loadError = errors[refusal.Code];
        }
    }

    private async Task LoadMineAsync()
    {
        view = await events.GetAsync(EventId);
        mine = currentUser.UserId is null ? null
            : (await signups.MineAsync()).FirstOrDefault(s => s.EventId == EventId && s.Status != SignupStatus.Cancelled);
    }

    private async Task SignUpAsync() => await RunAsync(() => signups.SignUpAsync(EventId));

    private async Task<PaidJoinStarted> StartPaidAsync()
    {
        var started = await signups.SignUpAsync(EventId);
        return started is { OrderId: { } orderId, MerchantUid: { } merchantUid, Amount: { } amount, HoldExpiresAt: { } expires }
            ? new PaidJoinStarted(orderId, merchantUid, amount, expires)
            : throw AppException.Conflict(ErrorCodes.AlreadySignedUp);
    }

    private void Refused(string code) => error = errors[code];

    private async Task CancelAsync()
    {
        if (!await dialogs.ConfirmAsync(text["CancelSignup"], text["CancelSignupConfirm"], text["CancelSignup"], Color.Error)) return;
        await RunAsync(() => signups.CancelMineAsync(EventId));
    }

    private async Task RunAsync(Func<Task> action)
    {
        busy = true;
        error = null;
        try
        {
            await action();
        }
        catch (AppException refusal)
        {
            error = errors[refusal.Code];
        }
        await LoadMineAsync();
        busy = false;
    }
}
