namespace Woohakdong.Core.Storage;

/// <summary>The image types members may upload, each with its file extension and the bytes that open such a file.</summary>
public static class ImageTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Enough of a file's start to recognise every allowed type.</summary>
    public const int SignatureLength = 12;

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

    public static bool StartsLike(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "image/webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };
}
