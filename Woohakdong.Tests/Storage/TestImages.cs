using SkiaSharp;

namespace Woohakdong.Tests.Storage;

/// <summary>Real image files, encoded by Skia, and doctored ones that only look like images.</summary>
public static class TestImages
{
    public static byte[] Png(int width = 4, int height = 3, byte shade = 0) => Encode(SKEncodedImageFormat.Png, width, height, shade);

    public static byte[] Jpeg(int width = 4, int height = 3, byte shade = 0) => Encode(SKEncodedImageFormat.Jpeg, width, height, shade);

    public static byte[] Webp(int width = 4, int height = 3, byte shade = 0) => Encode(SKEncodedImageFormat.Webp, width, height, shade);

    /// <summary>A 1×1 GIF (Skia encodes no GIF).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>A small, valid JPEG whose frame header claims <paramref name="width"/>×<paramref name="height"/> pixels: a "bomb".</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Jpeg();
        var frame = Enumerable.Range(0, jpeg.Length - 1).First(i => jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0);
        (jpeg[frame + 5], jpeg[frame + 6]) = ((byte)(height >> 8), (byte)height);
        (jpeg[frame + 7], jpeg[frame + 8]) = ((byte)(width >> 8), (byte)width);
        return jpeg;
    }

    private static byte[] Encode(SKEncodedImageFormat format, int width, int height, byte shade)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(shade, 128, 64));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
