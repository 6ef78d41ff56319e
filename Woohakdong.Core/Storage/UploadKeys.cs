using System.Security.Cryptography;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Storage;

/// <summary>
/// Where a club's images live, dated in KST: browsers upload to <c>clubs/{clubId}/uploads/{yyyy}/{MM}/{random}.{ext}</c>;
/// the verified copy lives under <c>clubs/{clubId}/images/…</c> with the same name, a prefix no upload URL is issued
/// for. (Images attached before uploads were copied live where they were uploaded, under <c>clubs/{clubId}/items/…</c>.)
/// </summary>
public sealed class UploadKeys(TimeProvider time)
{
    /// <summary>Where every club's objects live: a stored key starts with it, an address elsewhere does not.</summary>
    public const string Root = "clubs/";

    public static string ClubPrefix(long clubId) => $"{Root}{clubId}/";

    public static string UploadPrefix(long clubId) => $"{ClubPrefix(clubId)}uploads/";

    public static string ImagePrefix(long clubId) => $"{ClubPrefix(clubId)}images/";

    /// <summary>A new upload's key and the key its verified copy will have.</summary>
    public (string UploadKey, string ImageKey) NewUpload(long clubId, string extension)
    {
        var now = time.Now();
        var name = $"{now:yyyy}/{now:MM}/{RandomName()}.{extension}";
        return (UploadPrefix(clubId) + name, ImagePrefix(clubId) + name);
    }

    /// <summary>128 random bits: keys cannot be guessed, so one upload's URL says nothing about another's.</summary>
    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
