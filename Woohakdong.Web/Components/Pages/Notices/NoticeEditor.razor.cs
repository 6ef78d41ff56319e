using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notices;
using Woohakdong.Core.Storage;
using Woohakdong.Web.Components.Pages.Items;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Notices;

/// <summary>
/// Posts a new notice or edits <see cref="Notice"/>. Images go the way club images go: picked, uploaded from the browser
/// to presigned URLs, their keys put into the Markdown as images; Core verifies each when saving.
/// </summary>
public partial class NoticeEditor(
    PostNotice post, EditNotice edit, NoticeQueries queries, ImageUploadService uploads, ISnackbar snackbar,
    IStringLocalizer<ErrorMessages> errorText)
{
    private readonly Refusals refusals = new(snackbar, errorText);
    private ImageUploader? uploader;
    private string title = "";
    private string body = "";
    private NoticeAudience audience = NoticeAudience.Members;
    private bool pinned;
    private bool notify;
    private int tab;
    private string preview = "";
    private string? error;
    private bool saving;
    private bool inserting;

    [Parameter, EditorRequired] public long ClubId { get; set; }

    /// <summary>The notice to edit; null to write a new one.</summary>
    [Parameter] public NoticeView? Notice { get; set; }

    [Parameter] public EventCallback<NoticeView> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    protected override void OnParametersSet()
    {
        if (Notice is null) return;
        (title, body, audience, pinned) = (Notice.Title, Notice.Body, Notice.Audience, Notice.Pinned);
    }

    private Task<IReadOnlyList<UploadUrl>> RequestUrlsAsync(IReadOnlyList<string> contentTypes) => uploads.RequestAsync(ClubId, contentTypes);

    private async Task OnTabChangedAsync(int index)
    {
        tab = index;
        if (index == 1) error = await refusals.MessageOfAsync(async () => preview = await queries.PreviewAsync(ClubId, Notice?.NoticeId, body));
    }

    /// <summary>Uploads what was picked and appends each image not in the text yet, named after its file.</summary>
    private async Task InsertImagesAsync()
    {
        if (uploader is null) return;
        inserting = true;
        var keys = await uploader.UploadAsync();
        inserting = false;
        if (keys is null) return;
        var added = keys.Where(key => !body.Contains(key, StringComparison.Ordinal)).ToList();
        foreach (var key in added) body = $"{body.TrimEnd()}\n\n![{Path.GetFileNameWithoutExtension(uploader.FileNameOf(key))}]({key})".TrimStart();
        if (added.Count > 0) error = null;
    }

    private async Task SaveAsync()
    {
        saving = true;
        NoticeView? saved = null;
        var input = new NoticeInput(title, body, audience, pinned, notify);
        error = await refusals.MessageOfAsync(async () =>
            saved = Notice is null ? await post.PostAsync(ClubId, input) : await edit.EditAsync(Notice.NoticeId, input));
        saving = false;
        if (saved is not null) await OnSaved.InvokeAsync(saved);
    }
}
