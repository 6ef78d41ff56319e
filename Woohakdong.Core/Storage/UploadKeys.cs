using System.Security.Cryptography;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Storage;

/// <summary>Where a club's item images live: <c>clubs/{clubId}/items/{yyyy}/{MM}/{random}.{ext}</c>, dated in KST.</summary>
public sealed class UploadKeys(TimeProvider time)
{
    public static string ClubPrefix(long clubId) => $"clubs/{clubId}/";

    public string NewItemImageKey(long clubId, string extension)
    {
        var now = time.Now();
        return $"{ClubPrefix(clubId)}items/{now:yyyy}/{now:MM}/{RandomName()}.{extension}";
    }

    /// <summary>128 random bits: keys cannot be guessed, so one upload's URL says nothing about another's.</summary>
    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
