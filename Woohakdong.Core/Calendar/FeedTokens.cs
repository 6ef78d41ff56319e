using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// A feed's token: 32 random bytes from the system's cryptographic generator, URL-safe base64 (43 characters). Stored as
/// its SHA-256: the token has all the entropy a slow hash would add, so a fast one suffices.
/// </summary>
public static class FeedTokens
{
    public const int HashLength = 64;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
