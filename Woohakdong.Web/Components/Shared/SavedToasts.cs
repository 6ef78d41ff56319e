using MudBlazor;

namespace Woohakdong.Web.Components.Shared;

/// <summary>
/// A "saved" toast belongs to the save that raised it: the next submit takes it away, so it never stands beside the
/// next save's refusal.
/// </summary>
public static class SavedToasts
{
    private const string Key = "saved";

    public static void ShowSaved(this ISnackbar snackbar, string message)
    {
        snackbar.ClearSaved();
        snackbar.Add(message, Severity.Success, key: Key);
    }

    public static void ClearSaved(this ISnackbar snackbar) => snackbar.RemoveByKey(Key);
}
