namespace Woohakdong.Core.Storage;

/// <summary>The image types members may upload, each with its file extension, and the limits every image must keep.</summary>
public static class ImageTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// How much of an object's start is read to check its header: JPEG metadata (EXIF, ICC) and the chunks before a
    /// PNG's pixels fit in it, so nothing beyond it is fetched from the store.
    /// </summary>
    public const int HeaderWindow = 1024 * 1024;

    /// <summary>Longest side a picture may have: a phone's 50-megapixel photo fits, a decompression bomb does not.</summary>
    public const int MaxSide = 10_000;

    public const long MaxPixels = 50_000_000;

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = "jpg",
        ["image/png"] = "png",
        ["image/webp"] = "webp",
        ["image/gif"] = "gif",
    };

    public static IReadOnlyCollection<string> All => Extensions.Keys;

    public static bool IsAllowed(string? contentType) => contentType is not null && Extensions.ContainsKey(contentType);

    public static string ExtensionOf(string contentType) => Extensions[contentType];

    /// <summary>The type a stored key's extension names (every key the app makes ends in one), or null.</summary>
    public static string? ContentTypeOfKey(string key)
    {
        var extension = key[(key.LastIndexOf('.') + 1)..];
        return Extensions.FirstOrDefault(pair => pair.Value == extension).Key;
    }
}
