using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Storage;

namespace Woohakdong.Tests.Items;

/// <summary>Items written straight to the database, for tests about loans and access rather than uploads.</summary>
public static class ItemSeeds
{
    public static async Task<long> AddItemAsync(
        Func<Task<AppDbContext>> database, long clubId, Guid officerId, string name = "농구공", int maxLoanDays = 7, bool unavailable = false)
    {
        var key = $"{UploadKeys.ClubPrefix(clubId)}items/seed/{Guid.NewGuid():N}.png";
        await using var db = await database();
        db.IssuedUploads.Add(new IssuedUpload
        {
            Key = key, UploadKey = key, ClubId = clubId, UserId = officerId, ContentType = "image/png", IssuedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow, VerifiedAt = DateTimeOffset.UtcNow,
        });
        var item = new Item
        {
            ClubId = clubId, Name = name, Category = ItemCategory.Sport, Location = "동아리방", MaxLoanDays = maxLoanDays,
            Unavailable = unavailable, Images = [new ItemImage { Key = key, Position = 0 }],
        };
        db.Items.Add(item);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return item.Id;
    }

    public static ItemInput Input(string name, params string[] keys) => new(name, ItemCategory.Book, "", "동아리방", 7, keys);
}
