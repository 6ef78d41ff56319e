using System.Security.Cryptography;

namespace Woohakdong.Core.Events;

/// <summary>A ticket's code: 128 random bits from the system's cryptographic generator, so no one can guess another's.</summary>
public static class TicketCodes
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));
}
