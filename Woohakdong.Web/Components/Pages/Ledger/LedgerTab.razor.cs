using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Ledger;

/// <summary>
/// Offers writing only where the book says the caller may (<see cref="LedgerBookView.CanWrite"/>) and only the reversal
/// Core accepts (a manual entry not reversed yet); Core checks both again and its refusals are shown as text.
/// </summary>
public partial class LedgerTab(
    ReverseEntry reverse, LedgerSettings settings, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<LedgerText> text,
    IStringLocalizer<CommonText> common, IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private LedgerBookPanel? panel;
    private bool adding;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    private async Task SavedAsync(LedgerEntryView entry)
    {
        adding = false;
        snackbar.Add(text["EntryAdded", entry.EntryId], Severity.Success);
        await panel!.ReloadAsync(entry.TermKey);
    }

    private async Task ReverseAsync(LedgerEntryView entry)
    {
        var body = text["ReverseBody", entry.EntryId, text[$"Category_{entry.Category}"], common["Won", entry.Amount]];
        var why = await dialogs.AskReasonAsync(text["ReverseTitle"], body, text["ReverseReason"], text["Reverse"], LedgerRules.MemoMax, "reverse");
        if (why is null) return;
        if (await refusals.OrSnackbarAsync(() => reverse.ReverseAsync(ClubId, entry.EntryId, why)))
            snackbar.Add(text["ReverseDone", entry.EntryId], Severity.Success);
        await panel!.ReloadAsync();
    }

    private async Task SetOpenAsync(bool open)
    {
        if (await refusals.OrSnackbarAsync(() => settings.SetOpenToMembersAsync(ClubId, open)))
            snackbar.Add(text["VisibilitySaved"], Severity.Success);
        await panel!.ReloadAsync();
    }
}
