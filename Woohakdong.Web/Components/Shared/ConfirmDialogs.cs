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

    /// <summary>Asks why in a <see cref="ReasonDialog"/>; the trimmed reason, or null when the caller cancelled.</summary>
    public static async Task<string?> AskReasonAsync(
        this IDialogService dialogs, string title, string message, string label, string confirmText, int maxLength, string testId)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, message },
            { d => d.Label, label },
            { d => d.ConfirmText, confirmText },
            { d => d.MaxLength, maxLength },
            { d => d.TestId, testId },
        };
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title, parameters);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }
}
