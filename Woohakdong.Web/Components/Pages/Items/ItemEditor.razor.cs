using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>
/// Registers an item, or edits one (<see cref="ItemId"/> set). The images go from the browser straight to storage
/// first; the item is then submitted with their keys. A refusal keeps the form as it is, uploaded images included.
/// </summary>
public partial class ItemEditor(
    RegisterItem register, EditItem edit, ItemQueries queries, ImageUploadService uploads, ClubQueries clubs, ClubAccess access,
    ICurrentUser currentUser, NavigationManager navigation, IStringLocalizer<ItemText> text, IStringLocalizer<ErrorMessages> errorText)
    : ClubItemsPage(clubs, access, currentUser, navigation)
{
    private readonly ItemFormModel model = new();
    private MudForm form = null!;
    private ImageUploader uploader = null!;
    private List<ItemImageView> kept = [];
    private int NewImageLimit => Math.Max(ItemRules.MaxImages - kept.Count, 0);
    private string editedName = "";
    private bool saving;
    private string? error;

    [Parameter] public long? ItemId { get; set; }

    private string Title => ItemId is null ? text["RegisterTitle"] : text["EditTitle", editedName];

    private string CancelPath => ItemId is { } id ? ItemPaths.Item(EnglishName, id) : ItemsPath;

    protected override ClubPageNeed Need => ClubPageNeed.Officer;

    protected override async Task LoadAsync()
    {
        if (ItemId is not { } itemId) return;
        var item = await queries.GetAsync(Club!.Id, itemId);
        model.Fill(item);
        editedName = item.Name;
        kept = [.. item.Images];
    }

    private Task<IReadOnlyList<UploadUrl>> RequestUrlsAsync(IReadOnlyList<string> contentTypes) =>
        uploads.RequestAsync(Club!.Id, contentTypes);

    private async Task SubmitAsync()
    {
        await form.ValidateAsync();
        if (!form.IsValid) return;
        if (kept.Count + uploader.ImageCount == 0)
        {
            error = text["ImagesRequired"];
            return;
        }
        (saving, error) = (true, null);
        try
        {
            var added = await uploader.UploadAsync();
            if (added is null)
            {
                error = text["UploadsUnfinished"];
                return;
            }
            var input = model.ToInput([.. kept.Select(image => image.Key), .. added]);
            var saved = ItemId is { } itemId
                ? await edit.UpdateAsync(Club!.Id, itemId, input)
                : await register.RegisterAsync(Club!.Id, input);
            Navigation.NavigateTo(ItemPaths.Item(EnglishName, saved.Id));
        }
        catch (AppException refusal)
        {
            error = RefusalText(refusal);
        }
        finally
        {
            saving = false;
        }
    }

    /// <summary>A refusal that names an image's key says which of the picked files it is.</summary>
    private string RefusalText(AppException refusal)
    {
        string message = errorText[refusal.Code];
        return refusal.Field is { } field && uploader.FileNameOf(field) is { } file ? $"{file}: {message}" : message;
    }
}
