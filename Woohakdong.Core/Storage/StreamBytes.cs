namespace Woohakdong.Core.Storage;

internal static class StreamBytes
{
    public static async Task<byte[]> ReadUpToAsync(Stream stream, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, ct);
        return buffer[..read];
    }
}
