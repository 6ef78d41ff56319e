using SkiaSharp;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Reads an image's header with Skia's codecs (the ones browsers use) from the first bytes of a file, without decoding
/// its pixels, and refuses what is not a readable image of the declared type or is too large to show.
/// </summary>
public static class ImageHeader
{
    private static readonly Dictionary<string, SKEncodedImageFormat> Formats = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = SKEncodedImageFormat.Jpeg,
        ["image/png"] = SKEncodedImageFormat.Png,
        ["image/webp"] = SKEncodedImageFormat.Webp,
        ["image/gif"] = SKEncodedImageFormat.Gif,
    };

    /// <summary>
    /// Null when <paramref name="head"/> (the start of the file, at most <see cref="ImageTypes.HeaderWindow"/> bytes)
    /// opens an image of <paramref name="contentType"/> within the size limits; otherwise the error code:
    /// IMAGE_CONTENT_MISMATCH for an empty, unreadable or cut-off header or another format, IMAGE_DIMENSIONS_TOO_LARGE
    /// beyond <see cref="ImageTypes.MaxSide"/> or <see cref="ImageTypes.MaxPixels"/>.
    /// </summary>
    public static string? Refusal(string contentType, byte[] head)
    {
        using var stream = new MemoryStream(head, writable: false);
        using var codec = SKCodec.Create(stream, out var result);
        if (codec is null || result != SKCodecResult.Success || !Formats.TryGetValue(contentType, out var format) || codec.EncodedFormat != format)
            return ErrorCodes.ImageContentMismatch;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        return width is < 1 or > ImageTypes.MaxSide || height is < 1 or > ImageTypes.MaxSide || (long)width * height > ImageTypes.MaxPixels
            ? ErrorCodes.ImageDimensionsTooLarge
            : null;
    }
}
