using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Woohakdong.Bench;

/// <summary>
/// Blazor's circuit hub accepts only the protocol named "blazorpack": SignalR's MessagePack protocol under another
/// name, as blazor.web.js speaks it (it renames its MessagePackHubProtocol the same way).
/// </summary>
public sealed class BlazorPackProtocol(IHubProtocol messagePack) : IHubProtocol
{
    public string Name => "blazorpack";
    public int Version => messagePack.Version;
    public TransferFormat TransferFormat => messagePack.TransferFormat;
    public bool IsVersionSupported(int version) => messagePack.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        messagePack.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => messagePack.WriteMessage(message, output);
    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => messagePack.GetMessageBytes(message);
}
