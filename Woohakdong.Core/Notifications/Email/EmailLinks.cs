using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>Absolute links for e-mails: on <c>Email:LinkBaseUrl</c>, or the app's own address in the embedded default.</summary>
public sealed class EmailLinks(IOptions<MailOptions> options, OwnServerAddress ownAddress)
{
    public Uri To(string pathOrUrl)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute;
        var configured = options.Value.LinkBaseUrl;
        var baseAddress = string.IsNullOrWhiteSpace(configured) ? ownAddress.Get() : new Uri(configured);
        return new Uri(baseAddress, pathOrUrl);
    }
}
