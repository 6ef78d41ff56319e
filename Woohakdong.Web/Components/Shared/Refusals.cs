using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Shared;

/// <summary>Runs a page's service call; a refusal (<see cref="AppException"/>) becomes its Korean text.</summary>
public sealed class Refusals(ISnackbar snackbar, IStringLocalizer<ErrorMessages> text)
{
    /// <summary>Null when the call succeeded; otherwise the text to show on the page.</summary>
    public async Task<string?> MessageOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (AppException refusal)
        {
            return text[refusal.Code];
        }
    }

    /// <summary>True when the call succeeded; otherwise its text goes to a snackbar.</summary>
    public async Task<bool> OrSnackbarAsync(Func<Task> action)
    {
        var message = await MessageOfAsync(action);
        if (message is not null) snackbar.Add(message, Severity.Error);
        return message is null;
    }
}
