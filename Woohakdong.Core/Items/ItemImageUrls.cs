using Microsoft.Extensions.Options;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>Presigned GET links for item and return photos: the bytes go from storage straight to the browser.</summary>
public sealed class ItemImageUrls(IObjectStorage storage, IOptions<ItemOptions> options)
{
    public Task<string> UrlAsync(string key, CancellationToken ct) => storage.CreateDownloadUrlAsync(key, options.Value.ImageUrlLifetime, ct);

    public async Task<string?> UrlOrNullAsync(string? key, CancellationToken ct) => key is null ? null : await UrlAsync(key, ct);
}
