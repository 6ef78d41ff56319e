using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Woohakdong.Core.Events;

/// <summary>
/// The signed form of a ticket that its QR code carries: the event and the ticket's code, protected by ASP.NET Data
/// Protection (authenticated encryption under the app's key ring, kept in the database so every instance reads it). An
/// altered or forged token does not open; one of another event opens to the wrong event id; both are refused alike.
/// </summary>
public sealed class CheckInTickets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("Woohakdong.Events.CheckIn.v1");

    public string Sign(long eventId, string ticketCode) => protector.Protect($"{eventId}:{ticketCode}");

    /// <summary>The ticket code of <paramref name="ticket"/> when it is a genuine ticket of <paramref name="eventId"/>, else null.</summary>
    public string? Open(long eventId, string? ticket)
    {
        if (string.IsNullOrWhiteSpace(ticket)) return null;
        string payload;
        try
        {
            payload = protector.Unprotect(ticket.Trim());
        }
        catch (Exception refusal) when (refusal is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split(':');
        return parts.Length == 2 && parts[0] == eventId.ToString(CultureInfo.InvariantCulture) ? parts[1] : null;
    }
}
