using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;

namespace Woohakdong.Core.Notices;

/// <summary>Fresh presigned links for the images of some notices, keyed by notice and then by image key.</summary>
public sealed class NoticeImageLinks(ItemImageUrls urls)
{
    public async Task<IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>>> ForAsync(
        AppDbContext db, IReadOnlyCollection<long> noticeIds, CancellationToken ct)
    {
        var images = await db.NoticeImages.AsNoTracking().Where(i => noticeIds.Contains(i.NoticeId)).ToListAsync(ct);
        var links = new Dictionary<long, IReadOnlyDictionary<string, string>>();
        foreach (var notice in images.GroupBy(i => i.NoticeId))
        {
            var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var image in notice) byKey[image.Key] = await urls.UrlAsync(image.Key, ct);
            links[notice.Key] = byKey;
        }
        return links;
    }

    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>();
}
