using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Woohakdong.Core.Common;
using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Endpoints;

/// <summary>The seed's upload-URL endpoint: the browser then PUTs each image straight to storage.</summary>
public static class ImagesApi
{
    public static void MapImagesApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/utils/images/urls", UploadUrls).WithTags("Images").RequireAuthorization();

    /// <summary>
    /// One <c>contentType</c> serves every image; otherwise there is one per image, in order. With <c>itemId</c>, the
    /// one URL of that item's return photo, which its current borrower may ask for too.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<UploadUrl>>> UploadUrls(
        long clubId, int imageCount, [FromQuery] string[]? contentType, long? itemId, ImageUploadService uploads, CancellationToken ct)
    {
        if (itemId is { } returned)
        {
            if (returned < 1) throw AppException.Validation(ErrorCodes.InvalidInput, "itemId");
            if (imageCount != 1) throw AppException.Validation(ErrorCodes.ImageCountInvalid, "imageCount");
            if (contentType is not [var photoType]) throw AppException.Validation(ErrorCodes.InvalidInput, "contentType");
            return TypedResults.Ok<IReadOnlyList<UploadUrl>>([await uploads.RequestReturnPhotoAsync(clubId, returned, photoType, ct)]);
        }
        if (imageCount is < 1 or > ImageUploadService.MaxImages) throw AppException.Validation(ErrorCodes.ImageCountInvalid, "imageCount");
        var types = contentType ?? [];
        if (types.Length == 1) types = Enumerable.Repeat(types[0], imageCount).ToArray();
        if (types.Length != imageCount) throw AppException.Validation(ErrorCodes.InvalidInput, "contentType");
        return TypedResults.Ok(await uploads.RequestAsync(clubId, types, ct));
    }
}
