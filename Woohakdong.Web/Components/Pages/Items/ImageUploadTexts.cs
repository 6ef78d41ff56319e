using Microsoft.Extensions.Localization;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>The uploader's Korean (or English) words for a refused file and for where an upload stands.</summary>
public sealed class ImageUploadTexts(IStringLocalizer<ItemText> text)
{
    private const long BytesPerMegabyte = 1024 * 1024;

    public string Hint(int maxFiles) => text["Upload_Hint", ImageTypes.MaxBytes / BytesPerMegabyte, maxFiles];

    public string Refusal(RefusedFile refused, int maxFiles) => refused.Reason switch
    {
        PickRefusal.WrongType => text["Upload_WrongType", refused.File.Name],
        PickRefusal.TooLarge => text["Upload_TooLarge", refused.File.Name, ImageTypes.MaxBytes / BytesPerMegabyte],
        _ => text["Upload_TooMany", refused.File.Name, maxFiles],
    };

    public string Status(PickedImage image) => image.State switch
    {
        ImageUploadState.Uploading => text["Upload_Uploading", image.Percent],
        ImageUploadState.Failed when image.FailureStatus is 0 => text["Upload_FailedNetwork"],
        ImageUploadState.Failed when image.FailureStatus is { } status => text["Upload_FailedStatus", status],
        _ => text[$"Upload_{image.State}"],
    };
}
