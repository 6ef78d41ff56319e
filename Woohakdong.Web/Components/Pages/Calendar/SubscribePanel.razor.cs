using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Pages.Calendar;

/// <summary>
/// The feed of one club (<see cref="ClubId"/>) or of 내 일정 (none). Only the token's hash is stored, so the address is
/// shown when it is made and never again; a later visit offers to replace it.
/// </summary>
public partial class SubscribePanel(
    CalendarFeeds feeds, ICurrentUser currentUser, NavigationManager navigation, IJSRuntime js, ISnackbar snackbar,
    IStringLocalizer<CalendarText> texts)
{
    private bool signedIn;
    private bool busy;
    private CalendarFeedView? existing;
    private string? createdUrl;

    [Parameter] public long? ClubId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        signedIn = currentUser.UserId is not null;
        if (signedIn) existing = (await feeds.MineAsync()).FirstOrDefault(f => f.ClubId == ClubId);
    }

    private async Task CreateAsync()
    {
        busy = true;
        try
        {
            var created = await feeds.CreateAsync(ClubId);
            createdUrl = CalendarPaths.Feed(navigation.BaseUri, created.Token);
            existing = (await feeds.MineAsync()).FirstOrDefault(f => f.FeedId == created.FeedId);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RevokeAsync()
    {
        if (existing is null) return;
        busy = true;
        try
        {
            await feeds.RevokeAsync(existing.FeedId);
            (existing, createdUrl) = (null, null);
            snackbar.Add(texts["FeedRevoked"], Severity.Info);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task CopyAsync()
    {
        await js.InvokeVoidAsync("navigator.clipboard.writeText", createdUrl);
        snackbar.Add(texts["Copied"], Severity.Success);
    }
}
