using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notices;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Notices;

public partial class NoticesTab(
    NoticeQueries queries, DeleteNotice deletes, IDialogService dialogs, ISnackbar snackbar, IStringLocalizer<NoticeText> text,
    IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private IReadOnlyList<NoticeView> notices = [];
    private string? loadError;
    private bool writing;
    private NoticeView? editing;

    [Parameter, EditorRequired] public long ClubId { get; set; }
    [Parameter, EditorRequired] public string EnglishName { get; set; } = "";

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => loadError = await refusals.MessageOfAsync(async () => notices = await queries.ListAsync(ClubId));

    private void StartNew() => (writing, editing) = (true, null);

    private void StartEdit(NoticeView notice) => (writing, editing) = (true, notice);

    private void StopWriting() => (writing, editing) = (false, null);

    private async Task OnSavedAsync(NoticeView saved)
    {
        snackbar.ShowSaved(editing is null ? text["Posted"] : text["Saved"]);
        StopWriting();
        await LoadAsync();
    }

    private async Task DeleteAsync(NoticeView notice)
    {
        if (!await dialogs.ConfirmAsync(text["DeleteTitle"], text["DeleteBody", notice.Title], text["Delete"], Color.Error)) return;
        if (await refusals.OrSnackbarAsync(() => deletes.DeleteAsync(notice.NoticeId))) snackbar.ShowSaved(text["Deleted"]);
        await LoadAsync();
    }
}
