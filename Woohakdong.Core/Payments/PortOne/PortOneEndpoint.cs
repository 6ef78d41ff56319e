using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>
/// Where one of PortOne's APIs is: its configured base address when set; in Sandbox mode otherwise the app's own sandbox
/// path, found from the listening address at first use (not at start, when the port may not be known).
/// </summary>
public abstract class PortOneAddress(OwnServerAddress ownAddress)
{
    private Uri? baseAddress;

    protected abstract string? Configured { get; }
    protected abstract string SandboxPath { get; }

    public Uri Resolve(string relative) => new(BaseAddress, relative);

    private Uri BaseAddress => baseAddress ??= WithTrailingSlash(
        Configured is { Length: > 0 } configured
            ? new Uri(configured)
            : new Uri(ownAddress.Get(), SandboxPath.TrimStart('/')));

    private static Uri WithTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

/// <summary>V1's address: <c>PortOne:BaseUrl</c>, else the app's own <c>/sandbox/portone</c>.</summary>
public sealed class PortOneEndpoint(IOptions<PortOneOptions> options, OwnServerAddress ownAddress) : PortOneAddress(ownAddress)
{
    protected override string? Configured => options.Value.BaseUrl;
    protected override string SandboxPath => PortOneOptions.SandboxPath;
}

/// <summary>V2's address: <c>PortOne:V2:BaseUrl</c>, else the app's own <c>/sandbox/portone/v2</c>.</summary>
public sealed class PortOneV2Endpoint(IOptions<PortOneOptions> options, OwnServerAddress ownAddress) : PortOneAddress(ownAddress)
{
    protected override string? Configured => options.Value.V2.BaseUrl;
    protected override string SandboxPath => PortOneOptions.V2SandboxPath;
}
