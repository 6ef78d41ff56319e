using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Woohakdong.Core.Common;

/// <summary>
/// The address at which this app reaches itself: the server's first http listening address (https when it has no
/// http one), with a wildcard host turned into loopback. Used in Sandbox mode, where the PortOne API and the webhook
/// target both live inside this app, and in the embedded default, where e-mailed links point at it. Read at first use, because the port is only known once Kestrel listens.
/// </summary>
public sealed class OwnServerAddress(IServer? server = null)
{
    private Uri? address;

    public Uri Get()
    {
        if (address is not null) return address;
        var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var chosen = listening.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? listening.FirstOrDefault();
        if (chosen is null)
            throw new InvalidOperationException(
                "The app has no listening address to reach its own PortOne sandbox; set PortOne:BaseUrl (and PortOne:Sandbox:WebhookUrl).");
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "localhost" or "[::]" or "0.0.0.0" or "::") uri.Host = "127.0.0.1";
        // Asked while Kestrel is still binding a dynamic port (an e-mail worker with demo notifications at start): the
        // real port is not known yet, and remembering port 0 would point the sandbox and every link nowhere for good.
        if (uri.Port == 0) throw new InvalidOperationException("The app is not listening yet; its own address is known once Kestrel has bound its port.");
        uri.Path = "/";
        return address = uri.Uri;
    }
}
