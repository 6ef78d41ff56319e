using MudBlazor;

namespace Woohakdong.Web.Components.Shared;

public static class ConfirmDialogs
{
    /// <summary>Asks <paramref name="message"/> in a <see cref="ConfirmDialog"/>; true when the caller confirmed.</summary>
    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string confirmText, Color confirmColor = Color.Primary)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.ConfirmColor, confirmColor },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters);
        return await dialog.Result is { Canceled: false };
    }
}
