namespace Woohakdong.Web.Components.Pages.Events;

/// <summary>The check-in page's address for a signed ticket: what the ticket's QR code encodes.</summary>
public static class CheckInPaths
{
    public static string Of(long eventId, string signedTicket) => $"/checkin/{eventId}/{Uri.EscapeDataString(signedTicket)}";
}
