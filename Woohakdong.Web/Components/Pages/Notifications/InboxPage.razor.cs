using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notifications;
using Woohakdong.Web.Components.Shared;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Components.Pages.Notifications;

/// <summary>
/// The signed-in user's inbox, newest first. It follows the inbox live through <see cref="InboxNotifier"/>: a new
/// notification, or one read in another tab or by the API, shows without a reload.
/// </summary>
public partial class InboxPage(
    NotificationInbox inbox, InboxNotifier notifier, ICurrentUser currentUser, NavigationManager navigation, TimeProvider time,
    ISnackbar snackbar, IStringLocalizer<NotificationPageText> text) : IDisposable
{
    private IReadOnlyList<NotificationView>? entries;
    private bool unreadOnly;
    private DateTimeOffset now;
    private IDisposable? watching;

    private IStringLocalizer<NotificationPageText> T => text;

    private bool HasUnread => entries?.Any(entry => entry.ReadAt is null) == true;

    protected override async Task OnInitializedAsync()
    {
        // Watch before reading, so a notification recorded in between is not missed.
        if (currentUser.UserId is { } userId) watching = notifier.Watch(userId, _ => InvokeAsync(ReloadAsync));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        entries = await inbox.ListAsync(unreadOnly);
        now = time.GetUtcNow();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task FilterAsync(bool unread)
    {
        unreadOnly = unread;
        await LoadAsync();
    }

    /// <summary>Marks the entry read, then follows its link (an entry without one is only marked).</summary>
    private async Task OpenAsync(NotificationView entry)
    {
        if (entry.ReadAt is null) await inbox.MarkReadAsync(entry.Id);
        if (entry.Link is not null) navigation.NavigateTo(entry.Link);
        else await LoadAsync();
    }

    private async Task MarkAllReadAsync()
    {
        var marked = await inbox.MarkAllReadAsync();
        snackbar.Add(T.Count("MarkedAllRead", marked), Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => watching?.Dispose();
}
