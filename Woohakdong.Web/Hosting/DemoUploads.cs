using Woohakdong.Core.Storage;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// A demo image stored the way an officer's browser stores one: an upload URL asked for, the image written to the store
/// as its PUT would; the service that attaches it then checks it. Only with the local disk store the embedded default uses.
/// </summary>
internal static class DemoUploads
{
    /// <summary>The upload key of <paramref name="image"/> (a file in DemoImages), or null without the local disk store.</summary>
    public static async Task<string?> UploadAsync(IServiceProvider services, long clubId, string image)
    {
        if (services.GetService<LocalDiskObjectStorage>() is not { } store) return null;
        var url = (await services.GetRequiredService<ImageUploadService>().RequestAsync(clubId, ["image/png"])).Single();
        await using var content = typeof(DemoUploads).Assembly.GetManifestResourceStream($"DemoImages/{image}")!;
        await store.WriteAsync(url.Key, "image/png", content, ImageTypes.MaxBytes, CancellationToken.None);
        return url.Key;
    }
}
