using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>
/// Where PortOne's API is: <c>PortOne:BaseUrl</c> when set; in Sandbox mode otherwise the app's own
/// <c>/sandbox/portone</c>, found from the listening address at first use (not at start, when the port may not be known).
/// </summary>
public sealed class PortOneEndpoint(IOptions<PortOneOptions> options, OwnServerAddress ownAddress)
{
    private Uri? baseAddress;

    public Uri Resolve(string relative) => new(BaseAddress, relative);

    private Uri BaseAddress => baseAddress ??= WithTrailingSlash(
        options.Value.BaseUrl is { Length: > 0 } configured
            ? new Uri(configured)
            : new Uri(ownAddress.Get(), PortOneOptions.SandboxPath.TrimStart('/')));

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
