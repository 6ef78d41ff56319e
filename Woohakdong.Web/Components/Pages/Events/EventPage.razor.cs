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
    EventService events, EventSignups signups, EventWaitlist waitlist, ICurrentUser currentUser, IDialogService dialogs, ISnackbar snackbar,
    TimeProvider time, IStringLocalizer<EventText> text, IStringLocalizer<ErrorMessages> errors)
{
    private EventView? view;
    private MySignup? mine;
    private string? loadError;
    private string? error;
    private bool busy;

    [Parameter] public long EventId { get; set; }

    private bool Open => view is not null && EventRules.IsOpen(view, time.GetUtcNow());

    /// <summary>Full to the crowd (no seat left, or others already waiting) while a line may be joined.</summary>
    private bool Waitlist => view is { SeatsLeft: 0 } && EventRules.HasWaitlist(view, time.GetUtcNow());

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
            : (await signups.MineAsync()).FirstOrDefault(s => s.EventId == EventId && s.Status != MyEventStatus.Cancelled);
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

    private async Task JoinWaitlistAsync() => await RunAsync(async () =>
    {
        var position = await waitlist.JoinAsync(EventId);
        snackbar.Add(text["WaitlistJoined", position], Severity.Success);
    });

    private Task LeaveWaitlistAsync() => GiveBackAsync("LeaveWaitlist");

    private Task GiveUpOfferAsync() => GiveBackAsync("GiveUpOffer");

    private Task CancelSignupAsync() => GiveBackAsync("CancelSignup");

    /// <summary>
    /// A sign-up, a waitlist place or an offer: each is given back the same way (<see cref="EventSignups.CancelMineAsync"/>),
    /// after a question in the texts <paramref name="action"/> and <c>{action}Confirm</c>.
    /// </summary>
    private async Task GiveBackAsync(string action)
    {
        if (!await dialogs.ConfirmAsync(text[action], text[$"{action}Confirm"], text[action], Color.Error)) return;
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
