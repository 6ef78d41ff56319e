using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Woohakdong.Bench;

/// <summary>
/// One Blazor Server circuit opened the way blazor.web.js opens it, without a browser: GET the prerendered page, read
/// its server component markers and persisted state, connect to <c>/_blazor</c>, <c>StartCircuit</c>, then add the
/// page's root components (<c>UpdateRootComponents</c>). Render batches are acknowledged, so the server keeps
/// rendering; JS interop calls are answered "done, no value", which is what an idle page's calls amount to.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly TaskCompletionSource firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int renderBatches;
    private int jsCalls;

    private readonly HttpClient http;
    private readonly Uri disconnect;

    private BlazorCircuit(HubConnection connection, HttpClient http, Uri page)
    {
        this.connection = connection;
        this.http = http;
        disconnect = new Uri(page, "/_blazor/disconnect");
    }

    public string? CircuitId { get; private set; }
    public string? Error { get; private set; }
    public int RenderBatches => renderBatches;
    public int JsCalls => jsCalls;

    /// <summary>Opens the circuit and waits until the server has rendered the page's components interactively.</summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri page, CancellationToken ct)
    {
        var html = await http.GetStringAsync(page, ct);
        var markers = ServerMarkers().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (markers.Count == 0) throw new InvalidOperationException($"{page} has no interactive server components.");
        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder().WithUrl(new Uri(page, "/_blazor"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol(new MessagePackHubProtocol()));
        var circuit = new BlazorCircuit(builder.Build(), http, page);
        circuit.Listen();
        await circuit.connection.StartAsync(ct);

        var baseUri = new Uri(page, "/").ToString();
        circuit.CircuitId = await circuit.connection.InvokeAsync<string?>("StartCircuit", baseUri, page.ToString(), "[]", state, ct)
            ?? throw new InvalidOperationException("StartCircuit refused the circuit.");
        var operations = markers.Select((marker, i) => new
        {
            type = "add", ssrComponentId = i + 1,
            marker = WithUniqueId(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(marker)!, i),
        });
        await circuit.connection.SendAsync("UpdateRootComponents", JsonSerializer.Serialize(new { batchId = 1, operations }), state, ct);
        await circuit.firstRender.Task.WaitAsync(ct);
        return circuit;
    }

    private void Listen()
    {
        connection.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            Interlocked.Increment(ref renderBatches);
            await connection.SendAsync("OnRenderCompleted", batchId, null);
            firstRender.TrySetResult();
        });
        // (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType) as .NET 10 sends it.
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (asyncHandle, _, _, _, _, _) =>
        {
            Interlocked.Increment(ref jsCalls);
            if (asyncHandle != 0)
                await connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,null]");
        });
        // Where a real client would attach DOM; nothing to do here, but answered so the server sees a normal client.
        connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.On<string>("JS.Error", error =>
        {
            Error = error;
            firstRender.TrySetException(new InvalidOperationException($"the circuit failed: {error}"));
        });
        connection.Closed += error =>
        {
            Error ??= error?.Message ?? "closed";
            firstRender.TrySetException(new InvalidOperationException($"the connection closed: {Error}"));
            return Task.CompletedTask;
        };
    }

    private static Dictionary<string, JsonElement> WithUniqueId(Dictionary<string, JsonElement> marker, int index)
    {
        marker["uniqueId"] = JsonSerializer.SerializeToElement(index);
        return marker;
    }

    /// <summary>As a closing tab does: tells the server to drop the circuit now rather than keep it for a reconnect.</summary>
    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        if (CircuitId is null) return;
        using var form = new FormUrlEncodedContent([new("circuitId", CircuitId)]);
        using var _ = await http.PostAsync(disconnect, form);
    }

    // <!--Blazor:{"type":"server",...,"descriptor":"..."}-->: the start markers of server components (end markers carry only prerenderId).
    [GeneratedRegex("""<!--Blazor:(\{"type":"server".*?\})-->""")]
    private static partial Regex ServerMarkers();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(.*?)-->""")]
    private static partial Regex PersistedState();
}
