namespace Woohakdong.Core.Storage;

/// <summary>
/// How every stored image is answered, on both stores: shown in the page (never a download), never sniffed into
/// another type, and cached only by the viewer's browser while its link lives (a stored image's bytes never change).
/// </summary>
public static class ImageResponse
{
    public const string Disposition = "inline";
    public const string NoSniff = "nosniff";

    public static string CacheControl(TimeSpan linkLife) => $"private, max-age={Math.Max(0, (long)linkLife.TotalSeconds)}, immutable";
}
